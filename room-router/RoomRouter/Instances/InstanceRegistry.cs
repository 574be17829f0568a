using AvatarStream.RoomRouter.Options;
using AvatarStream.RoomRouter.Storage;
using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Instances;

// The live stream instances, in one state key: it changes only when an instance starts or dies, so one
// compare-and-swapped document is enough. Reads come from a snapshot reloaded every ViewRefreshInterval.
internal sealed class InstanceRegistry
{
    private const string Key = "stream-instances";
    private const int UpdateAttempts = 64;

    private readonly IStateStore _store;
    private readonly ILogger<InstanceRegistry> _logger;
    private readonly TimeSpan _forcedRefreshAge;
    private readonly RefreshingSnapshot<IReadOnlyDictionary<string, string>> _view;

    public InstanceRegistry(IStateStore store, IOptions<RoomsOptions> options, TimeProvider clock, ILogger<InstanceRegistry> logger)
    {
        _store = store;
        _logger = logger;
        _forcedRefreshAge = options.Value.ViewRefreshInterval / 4;
        _view = new RefreshingSnapshot<IReadOnlyDictionary<string, string>>(
            ReadAsync,
            options.Value.ViewRefreshInterval,
            clock,
            exception => RouterLog.SnapshotRefreshFailed(logger, exception, "instance registry"));
    }

    // Instance id to stream URL, possibly a little stale.
    public ValueTask<IReadOnlyDictionary<string, string>> LiveAsync(CancellationToken cancellationToken) => _view.GetAsync(cancellationToken);

    // Instance id to stream URL, read from the store now.
    public Task<IReadOnlyDictionary<string, string>> ReadNowAsync(CancellationToken cancellationToken) => _view.RefreshAsync(cancellationToken);

    // Instance id to stream URL, read again unless the snapshot is very fresh.
    public Task<IReadOnlyDictionary<string, string>> ReadFreshAsync(CancellationToken cancellationToken) =>
        _view.RefreshIfOlderThanAsync(_forcedRefreshAge, cancellationToken);

    // The instance's stream URL, looking in the store before concluding it is not registered.
    public async Task<string?> StreamUrlAsync(string instanceId, CancellationToken cancellationToken)
    {
        if ((await _view.GetAsync(cancellationToken)).TryGetValue(instanceId, out var url))
        {
            return url;
        }

        return (await ReadFreshAsync(cancellationToken)).GetValueOrDefault(instanceId);
    }

    // Registers or re-announces an instance. Idempotent.
    public async Task PutAsync(string instanceId, string streamUrl, CancellationToken cancellationToken)
    {
        await UpdateAsync(
            instances =>
            {
                if (instances.GetValueOrDefault(instanceId) == streamUrl)
                {
                    return false;
                }

                instances[instanceId] = streamUrl;
                return true;
            },
            cancellationToken);
        RouterLog.InstanceAnnounced(_logger, instanceId, streamUrl);
    }

    // Forgets an instance. Idempotent.
    public Task RemoveAsync(string instanceId, CancellationToken cancellationToken) =>
        UpdateAsync(instances => instances.Remove(instanceId), cancellationToken);

    private async Task UpdateAsync(Func<Dictionary<string, string>, bool> change, CancellationToken cancellationToken)
    {
        var (done, instances) = await _store.TryUpdateAsync(
            Key,
            (InstanceRegistryDocument? stored) =>
            {
                var document = Writable(stored);
                return (document.Instances, change(document.Instances) ? document : null);
            },
            UpdateAttempts,
            cancellationToken);
        if (!done)
        {
            throw new InvalidOperationException("The instance registry stayed too contended to update.");
        }

        _view.Update(_ => instances!);
    }

    private async Task<IReadOnlyDictionary<string, string>> ReadAsync(CancellationToken cancellationToken) =>
        Writable((await _store.GetAsync<InstanceRegistryDocument>(Key, cancellationToken)).Value).Instances;

    // Updates edit the dictionary in place, so it is always a copy of what the store handed back.
    private static InstanceRegistryDocument Writable(InstanceRegistryDocument? stored) =>
        stored is null ? InstanceRegistryDocument.Empty : stored with { Instances = new(stored.Instances, StringComparer.Ordinal) };
}
