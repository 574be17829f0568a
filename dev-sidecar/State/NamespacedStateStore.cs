namespace AvatarStream.DevSidecar.State;

// A view of a shared store in which every key carries a fixed prefix, so several state components (and the
// sidecar's own records) can live in one store without seeing each other's keys. Callers see their own keys.
internal sealed class NamespacedStateStore(IStateStore inner, string prefix) : IStateStore
{
    public async Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken) =>
        Strip(await inner.GetAsync(prefix + key, cancellationToken));

    public async Task<IReadOnlyList<StateEntry?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        (await inner.GetManyAsync(keys.Select(k => prefix + k).ToArray(), cancellationToken)).Select(Strip).ToArray();

    public async Task<IReadOnlyList<StateEntry>> ListAsync(string keyPrefix, CancellationToken cancellationToken) =>
        (await inner.ListAsync(prefix + keyPrefix, cancellationToken)).Select(e => Strip(e)!).ToArray();

    public Task ApplyAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken) =>
        inner.ApplyAsync(writes.Select(w => w with { Key = prefix + w.Key }).ToArray(), cancellationToken);

    private StateEntry? Strip(StateEntry? entry) => entry is null ? null : entry with { Key = entry.Key[prefix.Length..] };
}
