using System.Globalization;
using System.Text.RegularExpressions;

namespace AvatarStream.DevSidecar.Scheduling;

// ISO 8601 durations as Dapr accepts them for reminders and timers: PT1S, P1DT2H, P2W, with an
// optional repetition prefix R5/. A year counts 365 days and a month 30, as a single-node stand-in.
public static partial class IsoDuration
{
    public static bool TryParse(string? text, out TimeSpan duration, out int? repetitions)
    {
        duration = TimeSpan.Zero;
        repetitions = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var match = Pattern().Match(text);
        if (!match.Success || (!match.Groups["y"].Success && !match.Groups["mo"].Success && !match.Groups["w"].Success
            && !match.Groups["d"].Success && !match.Groups["h"].Success && !match.Groups["mi"].Success && !match.Groups["s"].Success))
        {
            return false;
        }

        if (match.Groups["r"].Success)
        {
            if (!int.TryParse(match.Groups["r"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var r))
            {
                return false;
            }

            repetitions = r;
        }

        var days = Number(match, "y") * 365 + Number(match, "mo") * 30 + Number(match, "w") * 7 + Number(match, "d");
        var seconds = Number(match, "h") * 3600 + Number(match, "mi") * 60 + Number(match, "s");
        var ticks = (days * 86400 + seconds) * TimeSpan.TicksPerSecond;
        if (ticks > TimeSpan.MaxValue.Ticks)
        {
            return false;
        }

        duration = TimeSpan.FromTicks((long)ticks);
        return true;
    }

    private static decimal Number(Match match, string group) =>
        match.Groups[group].Success ? decimal.Parse(match.Groups[group].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?:R(?<r>\d+)/)?P(?:(?<y>\d+)Y)?(?:(?<mo>\d+)M)?(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+)H)?(?:(?<mi>\d+)M)?(?:(?<s>\d+(?:\.\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
