namespace AvatarStream.DevSidecar.Tests.Infrastructure;

/// <summary>Bounds for anything a test waits on.</summary>
public static class TestDeadline
{
    /// <summary>A token source that cancels after 30 seconds; dispose it.</summary>
    public static CancellationTokenSource Start() => new(TimeSpan.FromSeconds(30));
}
