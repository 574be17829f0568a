namespace AvatarStream.DevSidecar.State;

// The storage behind the state API, actor state, reminders and the app directory. Keys are full stored keys
// (prefixes already applied). Expired entries are invisible to every read.
public interface IStateStore
{
    public Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken);

    // One result per key, in order; null where the key is absent or expired.
    public Task<IReadOnlyList<StateEntry?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);

    // Every live entry whose key starts with prefix.
    public Task<IReadOnlyList<StateEntry>> ListAsync(string prefix, CancellationToken cancellationToken);

    // Applies every write or none. Throws ETagMismatchException when a condition fails; nothing is
    // changed then.
    public Task ApplyAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken);
}
