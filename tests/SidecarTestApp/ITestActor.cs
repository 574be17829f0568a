using Dapr.Actors;

namespace AvatarStream.SidecarTestApp;

/// <summary>An actor whose every move is recorded by <see cref="ActorProbe"/>, for sidecar conformance tests.</summary>
public interface ITestActor : IActor
{
    /// <summary>Stays inside for <paramref name="holdMs"/> ms so overlapping calls show up in the probe.</summary>
    public Task EnterAsync(int holdMs);

    public Task SetValueAsync(string value);

    public Task<string?> GetValueAsync();

    public Task StartReminderAsync(ScheduleSpec spec);

    public Task StopReminderAsync(string name);

    public Task StartTimerAsync(ScheduleSpec spec);

    public Task StopTimerAsync(string name);

    /// <summary>Calls the peer's PingPong with one hop less; the peer calls back, so hops &gt; 1 needs reentrancy.</summary>
    public Task<string> PingPongAsync(PingPong request);

    public Task FailAsync(string message);

    /// <summary>The name of the app hosting this actor (tells apart processes in multi-process tests).</summary>
    public Task<string> WhereAsync();
}
