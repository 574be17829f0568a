namespace AvatarStream.DevSidecar.Actors;

// An actor active on this sidecar: its turn lock, its in-memory timers and when it was last used.
public sealed class ActorEntry(string type, string id)
{
    public string Type { get; } = type;

    public string Id { get; } = id;

    public ActorTurnLock Lock { get; } = new();

    // Timers die with the activation (dapr-contract §5.5); each one's loop stops when its source is cancelled.
    internal Dictionary<string, CancellationTokenSource> Timers { get; } = new(StringComparer.Ordinal);

    // Calls holding or waiting for this entry; guarded by ActiveActors.
    internal int Users { get; set; }

    // A TimeProvider timestamp; guarded by ActiveActors.
    internal long LastUsed { get; set; }
}
