namespace AvatarStream.SidecarTestApp;

// Runs the test app as its own process: --name N --port P --dapr-http-endpoint URL [--dapr-grpc-endpoint URL]
// [--idle-timeout-ms MS] [--reentrant true] [--hosts-actors false]. Prints one line with its port once it listens.
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var config = new ConfigurationBuilder().AddCommandLine(args).Build();
        if (config["dapr-http-endpoint"] is not { Length: > 0 } daprHttp)
        {
            await Console.Error.WriteLineAsync("sidecar-test-app: --dapr-http-endpoint is required");
            return 2;
        }

        var settings = new TestAppSettings
        {
            Name = config["name"] ?? "test-app",
            Port = int.TryParse(config["port"], out var port) ? port : 0,
            DaprHttpEndpoint = daprHttp,
            DaprGrpcEndpoint = config["dapr-grpc-endpoint"] ?? "http://127.0.0.1:1",
            ActorIdleTimeout = int.TryParse(config["idle-timeout-ms"], out var idle) ? TimeSpan.FromMilliseconds(idle) : null,
            Reentrant = string.Equals(config["reentrant"], "true", StringComparison.OrdinalIgnoreCase),
            HostsActors = !string.Equals(config["hosts-actors"], "false", StringComparison.OrdinalIgnoreCase),
        };

        await using var app = TestApp.Create(settings);
        await app.StartAsync();
        Console.Out.WriteLine($"sidecar-test-app: {settings.Name} listening on {TestApp.PortOf(app)}");
        await Console.Out.FlushAsync();
        await app.WaitForShutdownAsync();
        return 0;
    }
}
