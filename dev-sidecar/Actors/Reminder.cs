using System.Text.Json;
using AvatarStream.DevSidecar.Scheduling;

namespace AvatarStream.DevSidecar.Actors;

/// <summary>
/// A persisted reminder: the strings it was registered with (echoed verbatim on every fire and on GET), when it was
/// registered, when it fires next and how often it has fired.
/// </summary>
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
    /// <summary>The schedule, read again from the registered strings (they were validated at registration).</summary>
    public ActorSchedule Schedule =>
        ActorSchedule.TryCreate(DueTime, Period, Ttl, RegisteredAt, out var schedule, out _) ? schedule : new ActorSchedule(NextFire, null, null, null);

    /// <summary>This reminder after a fire at <see cref="NextFire"/>, or null when that was its last.</summary>
    public Reminder? AfterFire(DateTimeOffset now) =>
        Schedule.NextAfter(NextFire, Fired + 1, now) is { } next ? this with { NextFire = next, Fired = Fired + 1 } : null;

    public bool IsExpiredAt(DateTimeOffset at) => Schedule.ExpiresAt is { } expires && at >= expires;
}
