using Dapr.Actors;

namespace AvatarStream.SidecarTestApp;

/// <summary>An actor whose every move is recorded by <see cref="ActorProbe"/>, for sidecar conformance tests.</summary>
public interface ITestActor : IActor
{
    /// <summary>Stays inside for <paramref name="holdMs"/> ms so overlapping calls show up in the probe.</summary>
    Task EnterAsync(int holdMs);

    Task SetValueAsync(string value);

    Task<string?> GetValueAsync();

    Task StartReminderAsync(ScheduleSpec spec);

    Task StopReminderAsync(string name);

    Task StartTimerAsync(ScheduleSpec spec);

    Task StopTimerAsync(string name);

    /// <summary>Calls the peer's PingPong with one hop less; the peer calls back, so hops &gt; 1 needs reentrancy.</summary>
    Task<string> PingPongAsync(PingPong request);

    Task FailAsync(string message);

    /// <summary>The name of the app hosting this actor (tells apart processes in multi-process tests).</summary>
    Task<string> WhereAsync();
}
