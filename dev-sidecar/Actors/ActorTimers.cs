using System.Text.Json;
using AvatarStream.DevSidecar.Scheduling;

namespace AvatarStream.DevSidecar.Actors;

// In-memory actor timers. Each timer is a loop on this sidecar that fires through the actor's turn lock; it ends when
// its schedule is done, when it is unregistered or replaced, when the actor is deactivated, or when the sidecar stops.
public sealed class ActorTimers(
    ActiveActors actors,
    ActorInvoker invoker,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<ActorTimers> logger)
{
    public void Register(string actorType, string actorId, string name, TimerFire fire, ActorSchedule schedule)
    {
        // Registering counts as a use: the actor is active (it is the one asking) and its timers live with it.
        using var lease = actors.Use(actorType, actorId);
        var source = actors.ReplaceTimer(lease.Entry, name);
        _ = RunAsync(lease.Entry, name, fire, schedule, source);
    }

    public void Unregister(string actorType, string actorId, string name)
    {
        if (actors.Find(actorType, actorId) is { } entry)
        {
            actors.RemoveTimer(entry, name);
        }
    }

    private async Task RunAsync(ActorEntry entry, string name, TimerFire fire, ActorSchedule schedule, CancellationTokenSource source)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(source.Token, lifetime.ApplicationStopping);
        var cancellationToken = stop.Token;
        var body = JsonSerializer.SerializeToUtf8Bytes(fire);
        DateTimeOffset? next = schedule.FirstFire;
        try
        {
            for (var fired = 1; next is { } at && !(schedule.ExpiresAt <= at); fired++)
            {
                var wait = at - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, cancellationToken);
                }

                if (await TryFireAsync(entry, name, body, cancellationToken))
                {
                    break;
                }

                next = schedule.NextAfter(at, fired, time.GetUtcNow());
            }
        }
        catch (OperationCanceledException)
        {
            // Unregistered, replaced, deactivated or stopping.
        }

        actors.RemoveTimer(entry, name, source);
    }

    // Fires once; true when the app asked to cancel the timer.
    private async Task<bool> TryFireAsync(ActorEntry entry, string name, byte[] body, CancellationToken cancellationToken)
    {
        try
        {
            var response = await invoker.CallAsync(ActorCall.Fire(entry.Type, entry.Id, "timer", name, body), cancellationToken);
            return response.CancelsReminder;
        }
        catch (Exception e) when (e is HttpRequestException or ActorStackDepthExceededException)
        {
            ActorLog.TimerFailed(logger, entry.Type, entry.Id, name, e);
            return false;
        }
    }
}
