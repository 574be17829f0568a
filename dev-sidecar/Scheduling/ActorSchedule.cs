using System.Globalization;

namespace AvatarStream.DevSidecar.Scheduling;

// When a reminder or timer fires (dapr-contract §5.2): first at FirstFire, then every
// Interval (null: once) at most Repetitions times in all, never after ExpiresAt.
public sealed record ActorSchedule(DateTimeOffset FirstFire, TimeSpan? Interval, int? Repetitions, DateTimeOffset? ExpiresAt)
{
    // Reads the registered strings: due time as a Go or ISO 8601 duration or an RFC 3339 time ("" = now); period as a
    // Go duration, @every duration or ISO 8601 duration with optional Rn/ ("" = once); ttl as a duration
    // or an RFC 3339 time.
    public static bool TryCreate(string? dueTime, string? period, string? ttl, DateTimeOffset now, out ActorSchedule schedule, out string error)
    {
        schedule = new ActorSchedule(now, null, null, null);
        if (!TryParseInstant(dueTime, now, out var first))
        {
            error = $"invalid dueTime '{dueTime}'";
            return false;
        }

        TimeSpan? interval = null;
        int? repetitions = null;
        if (!string.IsNullOrEmpty(period))
        {
            var text = period.StartsWith("@every ", StringComparison.Ordinal) ? period["@every ".Length..] : period;
            if (GoDuration.TryParse(text, out var goPeriod))
            {
                interval = goPeriod;
            }
            else if (IsoDuration.TryParse(text, out var isoPeriod, out var isoRepetitions))
            {
                interval = isoPeriod;
                repetitions = isoRepetitions;
            }
            else
            {
                error = $"invalid period '{period}'";
                return false;
            }

            if (interval <= TimeSpan.Zero)
            {
                error = $"period '{period}' must be positive";
                return false;
            }
        }

        DateTimeOffset? expires = null;
        if (!string.IsNullOrEmpty(ttl))
        {
            if (!TryParseInstant(ttl, now, out var at))
            {
                error = $"invalid ttl '{ttl}'";
                return false;
            }

            expires = at;
        }

        schedule = new ActorSchedule(first, interval, repetitions, expires);
        error = "";
        return true;
    }

    // The fire after one at fired, or null when the schedule is done.
    public DateTimeOffset? NextAfter(DateTimeOffset fired, int firedSoFar, DateTimeOffset now)
    {
        if (Interval is not { } interval || (Repetitions is { } max && firedSoFar >= max))
        {
            return null;
        }

        // A fire that ran late does not make the next ones pile up: at most one catch-up fire.
        var next = fired + interval;
        if (next < now)
        {
            next = now;
        }

        return ExpiresAt is { } expires && next >= expires ? null : next;
    }

    private static bool TryParseInstant(string? text, DateTimeOffset now, out DateTimeOffset at)
    {
        at = now;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (GoDuration.TryParse(text, out var go) && go >= TimeSpan.Zero)
        {
            at = now + go;
            return true;
        }

        if (IsoDuration.TryParse(text, out var iso, out var repetitions) && repetitions is null)
        {
            at = now + iso;
            return true;
        }

        return text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);
    }
}
