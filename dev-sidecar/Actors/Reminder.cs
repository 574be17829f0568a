using System.Text.Json;
using AvatarStream.DevSidecar.Scheduling;

namespace AvatarStream.DevSidecar.Actors;

// A persisted reminder: the strings it was registered with (echoed verbatim on every fire and on GET), when it was
// registered, when it fires next and how often it has fired.
public sealed record Reminder(
    string ActorType,
    string ActorId,
    string Name,
    JsonElement? Data,
    string DueTime,
    string Period,
    string? Ttl,
    DateTimeOffset RegisteredAt,
    DateTimeOffset NextFire,
    int Fired)
{
    // The schedule, read again from the registered strings (they were validated at registration).
    public ActorSchedule Schedule =>
        ActorSchedule.TryCreate(DueTime, Period, Ttl, RegisteredAt, out var schedule, out _) ? schedule : new ActorSchedule(NextFire, null, null, null);

    // This reminder after a fire at NextFire, or null when that was its last.
    public Reminder? AfterFire(DateTimeOffset now) =>
        Schedule.NextAfter(NextFire, Fired + 1, now) is { } next ? this with { NextFire = next, Fired = Fired + 1 } : null;

    public bool IsExpiredAt(DateTimeOffset at) => Schedule.ExpiresAt is { } expires && at >= expires;
}
