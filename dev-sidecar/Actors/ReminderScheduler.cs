using System.Collections.Concurrent;
using System.Text.Json;
using AvatarStream.DevSidecar.App;

namespace AvatarStream.DevSidecar.Actors;

// Fires the persisted reminders of the actors this sidecar owns. It wakes at the next due time, when a reminder is
// registered here, or every PollInterval (reminders registered through other sidecars and ownership
// changes are seen that way). Each fire is first claimed by advancing the stored reminder under its ETag, so two
// sidecars that briefly both think they own an actor do not both fire it.
public sealed class ReminderScheduler(
    ReminderStore store,
    ActorRouter router,
    ActorInvoker invoker,
    AppRegistrar registrar,
    SidecarIdentity identity,
    TimeProvider time,
    ILogger<ReminderScheduler> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Task> _firing = new(StringComparer.Ordinal);
    private volatile TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Makes the scheduler look at the store now (a reminder was registered or removed here).
    public void Wake() => _wake.TrySetResult();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await registrar.Registered.WaitAsync(stoppingToken);
        if (registrar.Config.Entities.Count == 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = _wake;
            var delay = PollInterval;
            try
            {
                delay = await FireDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                ActorLog.ReminderScanFailed(logger, e);
            }

            await Task.WhenAny(wake.Task, Task.Delay(delay, time, stoppingToken));
            if (wake.Task.IsCompleted)
            {
                _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        await Task.WhenAll(_firing.Values);
    }

    // Starts every due fire; returns how long until the next one (at most PollInterval).
    private async Task<TimeSpan> FireDueAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, fire) in _firing)
        {
            if (fire.IsCompleted)
            {
                _firing.TryRemove(key, out _);
            }
        }

        var now = time.GetUtcNow();
        var next = now + PollInterval;
        foreach (var (reminder, etag) in await store.ListAsync(identity.AppId, cancellationToken))
        {
            if (!registrar.Config.Hosts(reminder.ActorType)
                || _firing.ContainsKey(KeyOf(reminder))
                || await router.OwnerOfAsync(reminder.ActorType, reminder.ActorId, cancellationToken) is not { } owner
                || !router.IsSelf(owner))
            {
                continue;
            }

            if (reminder.NextFire > now)
            {
                next = reminder.NextFire < next ? reminder.NextFire : next;
                continue;
            }

            if (reminder.IsExpiredAt(now))
            {
                await store.TryReplaceAsync(identity.AppId, reminder, null, etag, cancellationToken);
                continue;
            }

            if (await store.TryReplaceAsync(identity.AppId, reminder, reminder.AfterFire(now), etag, cancellationToken))
            {
                _firing[KeyOf(reminder)] = FireAsync(reminder, cancellationToken);
            }
        }

        var delay = next - time.GetUtcNow();
        return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
    }

    private async Task FireAsync(Reminder reminder, CancellationToken cancellationToken)
    {
        try
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new ReminderFire(reminder.Data, reminder.DueTime, reminder.Period));
            var response = await invoker.CallAsync(ActorCall.Fire(reminder.ActorType, reminder.ActorId, "remind", reminder.Name, body), cancellationToken);
            if (response.Status is < 200 or > 299)
            {
                ActorLog.ReminderRejected(logger, reminder.ActorType, reminder.ActorId, reminder.Name, response.Status);
            }

            if (response.CancelsReminder)
            {
                await store.DeleteAsync(identity.AppId, reminder.ActorType, reminder.ActorId, reminder.Name, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ActorLog.ReminderFailed(logger, reminder.ActorType, reminder.ActorId, reminder.Name, e);
        }
        catch (OperationCanceledException)
        {
            // The sidecar is stopping; the reminder stays stored for the next owner.
        }
    }

    private static string KeyOf(Reminder r) => $"{r.ActorType}||{r.ActorId}||{r.Name}";
}
