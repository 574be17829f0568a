namespace AvatarStream.IpUpdater.Sweep;

// Counts consecutive failed probes per instance. Counts live in this replica only: when the cron binding fires on
// several replicas, each decides on its own probes, so no failure is counted twice, and eviction is idempotent.
public sealed class FailureTracker(int failuresBeforeEvict)
{
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);

    // Records one probe; true when the instance has now failed often enough to evict.
    public bool Record(string instanceId, bool healthy)
    {
        if (healthy)
        {
            _failures.Remove(instanceId);
            return false;
        }

        var count = _failures.GetValueOrDefault(instanceId) + 1;
        _failures[instanceId] = count;
        return count >= failuresBeforeEvict;
    }

    // Drops counts of instances that are no longer registered (evicted, or gone by other means).
    public void Retain(IReadOnlyCollection<string> registered)
    {
        foreach (var id in _failures.Keys.Where(id => !registered.Contains(id)).ToArray())
        {
            _failures.Remove(id);
        }
    }

    public int FailuresOf(string instanceId) => _failures.GetValueOrDefault(instanceId);
}
