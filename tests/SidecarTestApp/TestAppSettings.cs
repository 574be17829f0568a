namespace AvatarStream.SidecarTestApp;

// How to run the test app: its name, port and sidecar, and the actor settings it declares in /dapr/config.
public sealed record TestAppSettings
{
    public string Name { get; init; } = "test-app";

    // 0 picks a free port (read it back from Port).
    public int Port { get; init; }

    public required string DaprHttpEndpoint { get; init; }

    public string DaprGrpcEndpoint { get; init; } = "http://127.0.0.1:1";

    public TimeSpan? ActorIdleTimeout { get; init; }

    public bool Reentrant { get; init; }

    public bool HostsActors { get; init; } = true;
}
