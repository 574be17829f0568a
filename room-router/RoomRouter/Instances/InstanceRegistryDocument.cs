namespace AvatarStream.RoomRouter.Instances;

// How the registered stream instances are stored, in one state key.
// Instances: app-id to the instance as it announced itself. Eras: the last era handed to each app-id, kept after it
// leaves so that no era is ever given twice. Retired: when each app-id last lost an era (evicted, restarted), so the
// move of a room placed in that era can be timed.
internal sealed record InstanceRegistryDocument(
    Dictionary<string, StreamInstance> Instances,
    Dictionary<string, long> Eras,
    Dictionary<string, RetiredEra> Retired)
{
    public static InstanceRegistryDocument Empty => new(
        new Dictionary<string, StreamInstance>(StringComparer.Ordinal),
        new Dictionary<string, long>(StringComparer.Ordinal),
        new Dictionary<string, RetiredEra>(StringComparer.Ordinal));
}

// A registered stream instance: where browsers reach it, which process announced it, the era rooms are placed in, and
// whether it is draining (no new rooms; its rooms move on their next join) and since when.
internal sealed record StreamInstance(string Url, string Boot, long Era, DateTimeOffset? DrainingSince = null)
{
    public bool Draining => DrainingSince is not null;

    // Whether a room placed on this instance in era lives here.
    public bool Hosts(long era) => Era == era && !Draining;
}

// An era an instance lost, and when.
internal sealed record RetiredEra(long Era, DateTimeOffset At);

// What an announcement did: the instance's era, and whether it is a new one (first start, restart, back after eviction).
internal sealed record Announcement(long Era, bool NewEra);
