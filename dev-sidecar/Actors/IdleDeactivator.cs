using AvatarStream.DevSidecar.App;

namespace AvatarStream.DevSidecar.Actors;

// Deactivates actors idle longer than their type's actorIdleTimeout: DELETE /actors/{type}/{id} on the
// app, under the actor's turn lock, after which its timers are dropped. It scans at a quarter of the shortest timeout
// (between 100 ms and 10 s), so an actor goes at most that much later than its timeout.
public sealed class IdleDeactivator(
    ActiveActors actors,
    ActorInvoker invoker,
    AppRegistrar registrar,
    TimeProvider time,
    ILogger<IdleDeactivator> logger) : BackgroundService
{
    private static readonly TimeSpan MinScan = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxScan = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await registrar.Registered.WaitAsync(stoppingToken);
        var config = registrar.Config;
        if (config.Entities.Count == 0)
        {
            return;
        }

        var shortest = config.Entities.Min(t => config.For(t).IdleTimeout);
        var scan = TimeSpan.FromTicks(Math.Clamp(shortest.Ticks / 4, MinScan.Ticks, MaxScan.Ticks));
        using var timer = new PeriodicTimer(scan, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var (entry, lastUsed) in actors.Idle(t => config.For(t).IdleTimeout))
            {
                await DeactivateAsync(entry, lastUsed, stoppingToken);
            }
        }
    }

    private async Task DeactivateAsync(ActorEntry entry, long lastUsed, CancellationToken cancellationToken)
    {
        try
        {
            if (await invoker.DeactivateAsync(entry, lastUsed, cancellationToken))
            {
                ActorLog.Deactivated(logger, entry.Type, entry.Id);
            }
        }
        catch (HttpRequestException e)
        {
            ActorLog.DeactivationFailed(logger, entry.Type, entry.Id, e);
        }
    }
}
