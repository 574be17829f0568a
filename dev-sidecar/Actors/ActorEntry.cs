namespace AvatarStream.DevSidecar.Actors;

/// <summary>An actor active on this sidecar: its turn lock, its in-memory timers and when it was last used.</summary>
public sealed class ActorEntry(string type, string id)
{
    public string Type { get; } = type;

    public string Id { get; } = id;

    public ActorTurnLock Lock { get; } = new();

    /// <summary>Timers die with the activation (dapr-contract §5.5); each one's loop stops when its source is cancelled.</summary>
    internal Dictionary<string, CancellationTokenSource> Timers { get; } = new(StringComparer.Ordinal);

    /// <summary>Calls holding or waiting for this entry; guarded by <see cref="ActiveActors"/>.</summary>
    internal int Users { get; set; }

    /// <summary>A <see cref="TimeProvider"/> timestamp; guarded by <see cref="ActiveActors"/>.</summary>
    internal long LastUsed { get; set; }
}
