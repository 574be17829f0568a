using System.Globalization;

namespace AvatarStream.DevSidecar.Bindings;

// Go's time.Time.String() of a UTC time, the format of the cron binding's readTimeUTC header.
public static class GoTime
{
    public static string FormatUtc(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var text = utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

        // Go prints nanoseconds with trailing zeros trimmed, and no dot at all for a whole second.
        var fraction = (utc.Ticks % TimeSpan.TicksPerSecond * 100).ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
        return text + (fraction.Length > 0 ? "." + fraction : "") + " +0000 UTC";
    }
}
