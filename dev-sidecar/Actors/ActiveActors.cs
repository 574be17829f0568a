using AvatarStream.DevSidecar.Metadata;

namespace AvatarStream.DevSidecar.Actors;

// The actors active on this sidecar. An actor becomes active with its first call (the SDK activates lazily) and
// stays until IdleDeactivator removes it; an entry in use is never removed.
public sealed class ActiveActors(TimeProvider time) : IActiveActorsSource
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Type, string Id), ActorEntry> _entries = new();

    // Holds the actor's entry (creating it) until disposed; with touch the release counts as a use
    // for idle deactivation.
    public ActorLease Use(string type, string id, bool touch = true)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue((type, id), out var entry))
            {
                entry = new ActorEntry(type, id) { LastUsed = time.GetTimestamp() };
                _entries[(type, id)] = entry;
            }

            entry.Users++;
            return new ActorLease(entry, () => Release(entry, touch));
        }
    }

    public ActorEntry? Find(string type, string id)
    {
        lock (_gate)
        {
            return _entries.GetValueOrDefault((type, id));
        }
    }

    // Entries nobody uses that have been idle at least their type's timeout, with the use stamp seen.
    public IReadOnlyList<(ActorEntry Entry, long LastUsed)> Idle(Func<string, TimeSpan> timeoutOf)
    {
        lock (_gate)
        {
            return _entries.Values
                .Where(e => e.Users == 0 && time.GetElapsedTime(e.LastUsed) >= timeoutOf(e.Type))
                .Select(e => (e, e.LastUsed))
                .ToArray();
        }
    }

    // Removes the entry if its only user is the caller (who holds a lease taken without touching) and nobody used it
    // since lastUsed; later calls then start a fresh activation.
    public bool TryRemove(ActorEntry entry, long lastUsed)
    {
        lock (_gate)
        {
            if (!IsOnlyHolder(entry, lastUsed))
            {
                return false;
            }

            _entries.Remove((entry.Type, entry.Id));
            return true;
        }
    }

    // Whether the caller's lease is the entry's only one and nobody used it since lastUsed.
    public bool IsUnusedSince(ActorEntry entry, long lastUsed)
    {
        lock (_gate)
        {
            return IsOnlyHolder(entry, lastUsed);
        }
    }

    private bool IsOnlyHolder(ActorEntry entry, long lastUsed) =>
        entry.Users == 1 && entry.LastUsed == lastUsed
        && _entries.TryGetValue((entry.Type, entry.Id), out var current) && current == entry;

    // How many actors of each type are active here (for metadata).
    public IReadOnlyList<ActiveActorCount> GetActiveActors() =>
        CountsByType().Select(c => new ActiveActorCount(c.Key, c.Value)).ToArray();

    public IReadOnlyDictionary<string, int> CountsByType()
    {
        lock (_gate)
        {
            return _entries.Keys.GroupBy(k => k.Type, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        }
    }

    // A new stop signal for name's timer, cancelling an earlier timer of that name. The source is
    // never linked or disposed, so cancelling it is safe from any thread at any time.
    public CancellationTokenSource ReplaceTimer(ActorEntry entry, string name)
    {
        var source = new CancellationTokenSource();
        CancellationTokenSource? previous;
        lock (_gate)
        {
            entry.Timers.Remove(name, out previous);
            entry.Timers[name] = source;
        }

        previous?.Cancel();
        return source;
    }

    // Stops the timer if source (or, when null, any source) is still the registered one.
    public void RemoveTimer(ActorEntry entry, string name, CancellationTokenSource? source = null)
    {
        CancellationTokenSource? current;
        lock (_gate)
        {
            if (!entry.Timers.TryGetValue(name, out current) || (source is not null && current != source))
            {
                return;
            }

            entry.Timers.Remove(name);
        }

        current.Cancel();
    }

    public void CancelTimers(ActorEntry entry)
    {
        List<CancellationTokenSource> stopped;
        lock (_gate)
        {
            stopped = entry.Timers.Values.ToList();
            entry.Timers.Clear();
        }

        Cancel(stopped);
    }

    // Cancelling runs the timer loops' continuations; never do it while holding the gate.
    private static void Cancel(List<CancellationTokenSource> sources)
    {
        foreach (var source in sources)
        {
            source.Cancel();
        }
    }

    private void Release(ActorEntry entry, bool touch)
    {
        lock (_gate)
        {
            entry.Users--;
            if (touch)
            {
                entry.LastUsed = time.GetTimestamp();
            }
        }
    }
}
