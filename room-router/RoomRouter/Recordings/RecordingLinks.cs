using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AvatarStream.ServiceDefaults.Tickets;
using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Recordings;

// Signed, expiring links to a recording: /recordings/{id}?exp={unix seconds}&sig={base64url HMAC-SHA256 of "id.exp"}, with a
// key derived from the ticket key (so rotating it rotates links too; the next key is accepted during a rotation).
// Without the exact id and a valid signature nothing is answered.
internal sealed class RecordingLinks(ITicketKeySource keys, IOptionsMonitor<RecordingOptions> options, TimeProvider clock)
{
    private const string Purpose = "avatarstream recording link v1";

    public async Task<RecordingLink> CreateAsync(string recordingId, CancellationToken cancellationToken)
    {
        var expires = clock.GetUtcNow() + options.CurrentValue.LinkLifetime;
        var exp = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var key = (await keys.GetAsync(refresh: false, cancellationToken)).Current;
        var query = $"exp={exp}&sig={Sign(key, recordingId, exp)}";
        return new RecordingLink($"/recordings/{recordingId}?{query}", $"/recordings/{recordingId}/file?{query}", DateTimeOffset.FromUnixTimeSeconds(long.Parse(exp, CultureInfo.InvariantCulture)));
    }

    // Whether exp and sig sign recordingId with a key in use, and the link has not expired.
    public async Task<LinkCheck> CheckAsync(string recordingId, string? exp, string? sig, CancellationToken cancellationToken)
    {
        if (exp is null || sig is null || !long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || sig.Length > 64)
        {
            return LinkCheck.Invalid;
        }

        var keysInUse = await keys.GetAsync(refresh: false, cancellationToken);
        var signed = Matches(keysInUse.Current, recordingId, exp, sig) || (keysInUse.Next is { } next && Matches(next, recordingId, exp, sig));
        if (!signed)
        {
            return LinkCheck.Invalid;
        }

        return DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, DateTimeOffset.MaxValue.ToUnixTimeSeconds())) <= clock.GetUtcNow() ? LinkCheck.Expired : LinkCheck.Valid;
    }

    private static bool Matches(TicketKey key, string recordingId, string exp, string sig) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(key, recordingId, exp)), Encoding.ASCII.GetBytes(sig));

    private static string Sign(TicketKey key, string recordingId, string exp) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(key.Derive(Purpose), Encoding.UTF8.GetBytes(recordingId + "." + exp)));
}

// A recording's links: its watch page and its file, both relative to the room router, and when they expire.
internal sealed record RecordingLink(string WatchUrl, string FileUrl, DateTimeOffset ExpiresAt);

internal enum LinkCheck
{
    Valid,
    Invalid,
    Expired,
}
