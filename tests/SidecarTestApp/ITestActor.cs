using Dapr.Actors;

namespace AvatarStream.SidecarTestApp;

// An actor whose every move is recorded by ActorProbe, for sidecar conformance tests.
public interface ITestActor : IActor
{
    // Stays inside for holdMs ms so overlapping calls show up in the probe.
    public Task EnterAsync(int holdMs);

    public Task SetValueAsync(string value);

    public Task<string?> GetValueAsync();

    public Task StartReminderAsync(ScheduleSpec spec);

    public Task StopReminderAsync(string name);

    public Task StartTimerAsync(ScheduleSpec spec);

    public Task StopTimerAsync(string name);

    // Calls the peer's PingPong with one hop less; the peer calls back, so hops > 1 needs reentrancy.
    public Task<string> PingPongAsync(PingPong request);

    public Task FailAsync(string message);

    // The name of the app hosting this actor (tells apart processes in multi-process tests).
    public Task<string> WhereAsync();
}
