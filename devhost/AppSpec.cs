namespace AvatarStream.DevHost;

public enum AppKind
{
    RoomRouter,
    Stream,
    IpUpdater,
}

// One app of the local run and the ports of its development sidecar.
public sealed record AppSpec(string AppId, AppKind Kind, int AppPort, int SidecarHttpPort, int SidecarGrpcPort)
{
    public string AppUrl => $"http://127.0.0.1:{AppPort}";

    public string SidecarHttpEndpoint => $"http://127.0.0.1:{SidecarHttpPort}";

    public string SidecarGrpcEndpoint => $"http://127.0.0.1:{SidecarGrpcPort}";

    // The public WebSocket URL a stream instance announces.
    public string StreamUrl => $"ws://127.0.0.1:{AppPort}/";

    // The app's configuration as command-line arguments: the same list serves an in-process app and a child process,
    // and it keeps each in-process app's Dapr endpoints in its own configuration (never in DAPR_* env vars).
    public IReadOnlyList<string> AppArguments(LogLevel logLevel)
    {
        var args = new List<string>
        {
            $"--urls={AppUrl}",
            $"--DAPR_HTTP_ENDPOINT={SidecarHttpEndpoint}",
            $"--DAPR_GRPC_ENDPOINT={SidecarGrpcEndpoint}",
        };
        args.AddRange(ServiceLogging.AppArguments(logLevel));
        if (Kind == AppKind.Stream)
        {
            args.Add($"--Stream:InstanceId={AppId}");
            args.Add($"--Stream:PublicUrl={StreamUrl}");

            // The router starts after the streams, so their first put-tasks fail; with the production backoff (up to
            // 30 s) a stream could stay unregistered that long after the router is up. Locally a retry costs nothing.
            if (Environment.GetEnvironmentVariable("Stream__PutTaskMaxRetryDelay") is null)
            {
                args.Add("--Stream:PutTaskMaxRetryDelay=00:00:02");
            }
        }

        return args;
    }
}
