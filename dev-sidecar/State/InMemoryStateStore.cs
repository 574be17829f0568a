namespace AvatarStream.DevSidecar.State;

// A process-local store for tests: one lock makes every ApplyAsync atomic.
public sealed class InMemoryStateStore(TimeProvider time) : IStateStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StateEntry> _entries = new(StringComparer.Ordinal);

    public Task<StateEntry?> GetAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(Live(key));
        }
    }

    public Task<IReadOnlyList<StateEntry?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<StateEntry?>>(keys.Select(Live).ToArray());
        }
    }

    public Task<IReadOnlyList<StateEntry>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            return Task.FromResult<IReadOnlyList<StateEntry>>(_entries.Values
                .Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal) && !IsExpired(e, now))
                .ToArray());
        }
    }

    public Task ApplyAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Check every condition first, so a failure leaves the store untouched.
            foreach (var write in writes)
            {
                if (!write.IsAllowedOver(Live(write.Key)?.ETag))
                {
                    throw new ETagMismatchException(write.Key);
                }
            }

            var now = time.GetUtcNow();
            foreach (var write in writes)
            {
                if (write.Value is { } value)
                {
                    _entries[write.Key] = new StateEntry(write.Key, value.ToArray(), Guid.NewGuid().ToString(), now + write.Ttl);
                }
                else
                {
                    _entries.Remove(write.Key);
                }
            }
        }

        return Task.CompletedTask;
    }

    private StateEntry? Live(string key) =>
        _entries.TryGetValue(key, out var entry) && !IsExpired(entry, time.GetUtcNow()) ? entry : null;

    private static bool IsExpired(StateEntry entry, DateTimeOffset now) => entry.ExpiresAt is { } at && at <= now;
}
