namespace AvatarStream.DevSidecar.Tests.Infrastructure;

// Bounds for anything a test waits on.
public static class TestDeadline
{
    // A token source that cancels after 30 seconds; dispose it.
    public static CancellationTokenSource Start() => new(TimeSpan.FromSeconds(30));
}
