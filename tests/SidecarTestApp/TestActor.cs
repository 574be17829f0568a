using System.Text;
using Dapr.Actors;
using Dapr.Actors.Runtime;

namespace AvatarStream.SidecarTestApp;

public sealed class TestActor(ActorHost host, ActorProbe probe, TestAppSettings settings) : Actor(host), ITestActor, IRemindable
{
    private const string ValueKey = "value";

    public async Task EnterAsync(int holdMs)
    {
        using (probe.Enter(Id.GetId()))
        {
            await Task.Delay(holdMs);
        }
    }

    public Task SetValueAsync(string value) => StateManager.SetStateAsync(ValueKey, value);

    public async Task<string?> GetValueAsync()
    {
        var value = await StateManager.TryGetStateAsync<string>(ValueKey);
        return value.HasValue ? value.Value : null;
    }

    public Task StartReminderAsync(ScheduleSpec spec) =>
        RegisterReminderAsync(spec.Name, Encoding.UTF8.GetBytes(spec.Name), TimeSpan.FromMilliseconds(spec.DueMs), TimeSpan.FromMilliseconds(spec.PeriodMs));

    public Task StopReminderAsync(string name) => UnregisterReminderAsync(name);

    public Task StartTimerAsync(ScheduleSpec spec) =>
        RegisterTimerAsync(spec.Name, nameof(OnTimerAsync), Encoding.UTF8.GetBytes(spec.Name), TimeSpan.FromMilliseconds(spec.DueMs), TimeSpan.FromMilliseconds(spec.PeriodMs));

    public Task StopTimerAsync(string name) => UnregisterTimerAsync(name);

    public Task OnTimerAsync(byte[] data)
    {
        probe.Record($"timer:{Id}:{Encoding.UTF8.GetString(data)}");
        return Task.CompletedTask;
    }

    public Task ReceiveReminderAsync(string reminderName, byte[] state, TimeSpan dueTime, TimeSpan period)
    {
        probe.Record($"reminder:{Id}:{reminderName}:{Encoding.UTF8.GetString(state)}");
        return Task.CompletedTask;
    }

    public async Task<string> PingPongAsync(PingPong request)
    {
        if (request.Hops <= 0)
        {
            return Id.GetId();
        }

        var peer = ProxyFactory.CreateActorProxy<ITestActor>(new ActorId(request.PeerId), nameof(TestActor));
        return Id.GetId() + ">" + await peer.PingPongAsync(new PingPong(Id.GetId(), request.Hops - 1));
    }

    public Task FailAsync(string message) => throw new InvalidOperationException(message);

    public Task<string> WhereAsync() => Task.FromResult(settings.Name);

    protected override Task OnDeactivateAsync()
    {
        probe.Record($"deactivated:{Id}");
        return Task.CompletedTask;
    }
}
