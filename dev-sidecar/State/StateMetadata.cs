using System.Globalization;

namespace AvatarStream.DevSidecar.State;

// The request and response metadata keys of the state API that the sidecar acts on.
public static class StateMetadata
{
    // Request metadata: seconds until the entry expires; -1 means never.
    public const string TtlInSeconds = "ttlInSeconds";

    // Response metadata: when a live entry with a TTL expires, RFC 3339.
    public const string TtlExpireTime = "ttlExpireTime";

    // Reads TtlInSeconds: null when absent, empty, -1 or 0 (no expiry, as the sqlite
    // component treats it). Throws FormatException for anything else that is not a positive integer.
    public static TimeSpan? ParseTtl(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null || !metadata.TryGetValue(TtlInSeconds, out var text) || string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds) || seconds < -1)
        {
            throw new FormatException($"incorrect value for metadata '{TtlInSeconds}': '{text}' is not an integer of -1 or more");
        }

        return seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;
    }

    // Go's time.RFC3339 layout in UTC, as daprd writes TtlExpireTime.
    public static string FormatExpireTime(DateTimeOffset expiresAt) =>
        expiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
