using System.Collections.Concurrent;

namespace AvatarStream.SidecarTestApp;

// What the app saw: how many calls were inside each actor (and inside any actor) at once, and a log of events
// (reminders, timers, deactivations, cron fires).
public sealed class ActorProbe
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _insidePerActor = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _events = new();
    private int _inside;

    public int MaxInsideOneActor { get; private set; }

    public int MaxInsideAnyActors { get; private set; }

    public IReadOnlyList<string> Events => _events.ToArray();

    public void Record(string what) => _events.Enqueue(what);

    public IDisposable Enter(string actorId)
    {
        lock (_gate)
        {
            var now = _insidePerActor[actorId] = _insidePerActor.GetValueOrDefault(actorId) + 1;
            MaxInsideOneActor = Math.Max(MaxInsideOneActor, now);
            MaxInsideAnyActors = Math.Max(MaxInsideAnyActors, ++_inside);
        }

        return new Exit(this, actorId);
    }

    private sealed class Exit(ActorProbe probe, string actorId) : IDisposable
    {
        public void Dispose()
        {
            lock (probe._gate)
            {
                probe._insidePerActor[actorId]--;
                probe._inside--;
            }
        }
    }
}
