using System.Globalization;

namespace AvatarStream.DevSidecar.State;

/// <summary>The request and response metadata keys of the state API that the sidecar acts on.</summary>
public static class StateMetadata
{
    /// <summary>Request metadata: seconds until the entry expires; <c>-1</c> means never.</summary>
    public const string TtlInSeconds = "ttlInSeconds";

    /// <summary>Response metadata: when a live entry with a TTL expires, RFC 3339.</summary>
    public const string TtlExpireTime = "ttlExpireTime";

    /// <summary>
    /// Reads <see cref="TtlInSeconds"/>: null when absent, empty, <c>-1</c> or <c>0</c> (no expiry, as the sqlite
    /// component treats it). Throws <see cref="FormatException"/> for anything else that is not a positive integer.
    /// </summary>
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

    /// <summary>Go's <c>time.RFC3339</c> layout in UTC, as daprd writes <see cref="TtlExpireTime"/>.</summary>
    public static string FormatExpireTime(DateTimeOffset expiresAt) =>
        expiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
