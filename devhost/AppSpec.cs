namespace AvatarStream.DevHost;

public enum AppKind
{
    RoomRouter,
    Stream,
    IpUpdater,
    Recorder,
}

// One app of the local run and the ports of its development sidecar.
public sealed record AppSpec(string AppId, AppKind Kind, int AppPort, int SidecarHttpPort, int SidecarGrpcPort)
{
    public string AppUrl => $"http://127.0.0.1:{AppPort}";

    // The room router's port, whose page (at 127.0.0.1 or localhost) a stream instance must admit.
    public int RouterPort { get; init; } = LocalTopology.FirstAppPort;

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
            args.Add($"--Stream:AllowedOrigins:0=http://127.0.0.1:{RouterPort}");
            args.Add($"--Stream:AllowedOrigins:1=http://localhost:{RouterPort}");
        }

        return args;
    }
}
