using AvatarStream.DevSidecar.Scheduling;
using Cronos;

namespace AvatarStream.DevSidecar.Bindings;

// A bindings.cron schedule as robfig/cron reads it (dapr-contract §6): @every <Go duration> counted
// from binding start, the @hourly-style descriptors, or a cron expression of 5 fields or 6 (leading seconds),
// any of them after an optional CRON_TZ=Area/City (or TZ=) prefix.
public sealed class BindingSchedule
{
    private static readonly Dictionary<string, string> Descriptors = new(StringComparer.Ordinal)
    {
        ["@yearly"] = "0 0 1 1 *",
        ["@annually"] = "0 0 1 1 *",
        ["@monthly"] = "0 0 1 * *",
        ["@weekly"] = "0 0 * * 0",
        ["@daily"] = "0 0 * * *",
        ["@midnight"] = "0 0 * * *",
        ["@hourly"] = "0 * * * *",
    };

    private readonly Func<DateTimeOffset, DateTimeOffset?> _next;

    private BindingSchedule(string timeZone, Func<DateTimeOffset, DateTimeOffset?> next)
    {
        TimeZone = timeZone;
        _next = next;
    }

    // What the binding reports in the timeZone header: Local unless the schedule names a zone.
    public string TimeZone { get; }

    // The first fire strictly after after, or null if there is none.
    public DateTimeOffset? NextAfter(DateTimeOffset after) => _next(after);

    public static bool TryParse(string? text, DateTimeOffset start, out BindingSchedule schedule, out string error)
    {
        schedule = null!;
        var spec = (text ?? "").Trim();
        var zone = TimeZoneInfo.Local;
        var zoneName = "Local";
        if (spec.StartsWith("CRON_TZ=", StringComparison.Ordinal) || spec.StartsWith("TZ=", StringComparison.Ordinal))
        {
            var space = spec.IndexOf(' ', StringComparison.Ordinal);
            zoneName = space < 0 ? "" : spec[(spec.IndexOf('=', StringComparison.Ordinal) + 1)..space];
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneName, out zone!))
            {
                error = $"unknown time zone '{zoneName}' in schedule '{text}'";
                return false;
            }

            spec = spec[(space + 1)..].Trim();
        }

        if (spec.StartsWith("@every ", StringComparison.Ordinal))
        {
            if (!GoDuration.TryParse(spec["@every ".Length..].Trim(), out var interval) || interval <= TimeSpan.Zero)
            {
                error = $"invalid @every duration in schedule '{text}'";
                return false;
            }

            schedule = new BindingSchedule(zoneName, after => Every(start, interval, after));
            error = "";
            return true;
        }

        spec = Descriptors.GetValueOrDefault(spec, spec);
        var fields = spec.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is not (5 or 6))
        {
            error = $"schedule '{text}' is neither @every, a descriptor nor a cron expression of 5 or 6 fields";
            return false;
        }

        CronExpression expression;
        try
        {
            expression = CronExpression.Parse(string.Join(' ', fields), fields.Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            error = $"invalid cron schedule '{text}': {e.Message}";
            return false;
        }

        schedule = new BindingSchedule(zoneName, after => expression.GetNextOccurrence(after, zone));
        error = "";
        return true;
    }

    private static DateTimeOffset Every(DateTimeOffset start, TimeSpan interval, DateTimeOffset after)
    {
        if (after < start)
        {
            return start + interval;
        }

        var elapsed = (after - start).Ticks / interval.Ticks;
        return start + TimeSpan.FromTicks((elapsed + 1) * interval.Ticks);
    }
}
