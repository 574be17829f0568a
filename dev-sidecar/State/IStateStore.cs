namespace AvatarStream.DevSidecar.State;

/// <summary>
/// The storage behind the state API, actor state, reminders and the app directory. Keys are full stored keys
/// (prefixes already applied). Expired entries are invisible to every read.
/// </summary>
public interface IStateStore
{
    public Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>One result per key, in order; null where the key is absent or expired.</summary>
    public Task<IReadOnlyList<StateEntry?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);

    /// <summary>Every live entry whose key starts with <paramref name="prefix"/>.</summary>
    public Task<IReadOnlyList<StateEntry>> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>
    /// Applies every write or none. Throws <see cref="ETagMismatchException"/> when a condition fails; nothing is
    /// changed then.
    /// </summary>
    public Task ApplyAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken);
}
