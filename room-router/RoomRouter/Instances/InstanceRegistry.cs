using AvatarStream.RoomRouter.Options;
using AvatarStream.RoomRouter.Storage;
using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Instances;

// The registered stream instances, in one state key: it changes only when an instance starts, drains or dies, so one
// compare-and-swapped document is enough. Reads come from a snapshot reloaded every ViewRefreshInterval.
// Each instance has an era: a room lives on an instance only in the era it was placed in. The era changes whenever the
// instance comes (back) into the registry with a new boot id or after an eviction, so every room placed before is seen
// as moving at once, and the instance, told its new era, drops what it held.
internal sealed class InstanceRegistry
{
    private const string Key = "stream-registry";
    private const int UpdateAttempts = 64;

    // An announcement without a boot id (an older instance) counts as this one.
    private const string UnknownBoot = "";

    private readonly IStateStore _store;
    private readonly TimeProvider _clock;
    private readonly ILogger<InstanceRegistry> _logger;
    private readonly TimeSpan _forcedRefreshAge;
    private readonly RefreshingSnapshot<InstanceRegistryDocument> _view;

    public InstanceRegistry(IStateStore store, IOptions<RoomsOptions> options, TimeProvider clock, ILogger<InstanceRegistry> logger)
    {
        _store = store;
        _clock = clock;
        _logger = logger;
        _forcedRefreshAge = options.Value.ViewRefreshInterval / 4;
        _view = new RefreshingSnapshot<InstanceRegistryDocument>(
            ReadAsync,
            options.Value.ViewRefreshInterval,
            clock,
            exception => RouterLog.SnapshotRefreshFailed(logger, exception, "instance registry"));
    }

    // The registered instances, draining ones included, possibly a little stale.
    public async ValueTask<IReadOnlyDictionary<string, StreamInstance>> LiveAsync(CancellationToken cancellationToken) =>
        (await _view.GetAsync(cancellationToken)).Instances;

    // The registered instances, read from the store now.
    public async Task<IReadOnlyDictionary<string, StreamInstance>> ReadNowAsync(CancellationToken cancellationToken) =>
        (await _view.RefreshAsync(cancellationToken)).Instances;

    // The registered instances, read again unless the snapshot is very fresh.
    public async Task<IReadOnlyDictionary<string, StreamInstance>> ReadFreshAsync(CancellationToken cancellationToken) =>
        (await _view.RefreshIfOlderThanAsync(_forcedRefreshAge, cancellationToken)).Instances;

    // When the instance lost the era, if that is the era it last lost (or began draining in it); else null.
    public async ValueTask<DateTimeOffset?> EraEndedAtAsync(string instanceId, long era, CancellationToken cancellationToken)
    {
        var registry = await _view.GetAsync(cancellationToken);
        if (registry.Instances.GetValueOrDefault(instanceId) is { Draining: true } draining && draining.Era == era)
        {
            return draining.DrainingSince;
        }

        return registry.Retired.GetValueOrDefault(instanceId) is { } retired && retired.Era == era ? retired.At : null;
    }

    // Registers an instance or takes its heartbeat. The same boot id keeps its era (only the URL may change); another
    // boot id, or an instance not registered (new, or evicted), gets the next era.
    public async Task<Announcement> AnnounceAsync(string instanceId, string streamUrl, string? boot, CancellationToken cancellationToken)
    {
        boot ??= UnknownBoot;
        var now = _clock.GetUtcNow();
        var announcement = await UpdateAsync(
            registry =>
            {
                var known = registry.Instances.GetValueOrDefault(instanceId);
                if (known is not null && known.Boot == boot)
                {
                    var changed = known.Url != streamUrl;
                    if (changed)
                    {
                        registry.Instances[instanceId] = known with { Url = streamUrl };
                    }

                    return (new Announcement(known.Era, NewEra: false), changed);
                }

                if (known is not null)
                {
                    registry.Retired[instanceId] = new RetiredEra(known.Era, now);
                }

                var era = registry.Eras.GetValueOrDefault(instanceId) + 1;
                registry.Eras[instanceId] = era;
                registry.Instances[instanceId] = new StreamInstance(streamUrl, boot, era);
                return (new Announcement(era, NewEra: true), true);
            },
            cancellationToken);
        if (announcement.NewEra)
        {
            RouterLog.InstanceAnnounced(_logger, instanceId, streamUrl, announcement.Era);
        }

        return announcement;
    }

    // Takes a registered instance out of placement: its rooms move on their next join. False when it is not registered
    // (or another boot of it is). Idempotent.
    public Task<bool> DrainAsync(string instanceId, string? boot, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        return UpdateAsync(
            registry =>
            {
                if (registry.Instances.GetValueOrDefault(instanceId) is not { } known || !IsBoot(known, boot))
                {
                    return (false, false);
                }

                var changed = !known.Draining;
                if (changed)
                {
                    registry.Instances[instanceId] = known with { DrainingSince = now };
                }

                return (true, changed);
            },
            cancellationToken);
    }

    // Forgets an instance (of that boot only, when boot is given); false when it was not registered. Idempotent.
    public Task<bool> RemoveAsync(string instanceId, string? boot, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        return UpdateAsync(
            registry =>
            {
                if (registry.Instances.GetValueOrDefault(instanceId) is not { } known || !IsBoot(known, boot))
                {
                    return (false, false);
                }

                registry.Instances.Remove(instanceId);
                registry.Retired[instanceId] = new RetiredEra(known.Era, known.DrainingSince ?? now);
                return (true, true);
            },
            cancellationToken);
    }

    private static bool IsBoot(StreamInstance known, string? boot) => boot is null || known.Boot == boot;

    // change edits a fresh copy of the stored registry and says whether it changed; retried on a lost race.
    private async Task<T> UpdateAsync<T>(Func<InstanceRegistryDocument, (T Result, bool Changed)> change, CancellationToken cancellationToken)
    {
        var (done, outcome) = await _store.TryUpdateAsync(
            Key,
            (InstanceRegistryDocument? stored) =>
            {
                var registry = Writable(stored);
                var (result, changed) = change(registry);
                return ((Registry: registry, Result: result), changed ? registry : null);
            },
            UpdateAttempts,
            cancellationToken);
        if (!done)
        {
            throw new InvalidOperationException("The instance registry stayed too contended to update.");
        }

        _view.Update(_ => outcome.Registry);
        return outcome.Result;
    }

    private async Task<InstanceRegistryDocument> ReadAsync(CancellationToken cancellationToken) =>
        Writable((await _store.GetAsync<InstanceRegistryDocument>(Key, cancellationToken)).Value);

    // Updates edit the dictionaries in place, so they are always copies of what the store handed back.
    private static InstanceRegistryDocument Writable(InstanceRegistryDocument? stored) =>
        stored is null
            ? InstanceRegistryDocument.Empty
            : new InstanceRegistryDocument(
                new(stored.Instances ?? [], StringComparer.Ordinal),
                new(stored.Eras ?? [], StringComparer.Ordinal),
                new(stored.Retired ?? [], StringComparer.Ordinal));
}
