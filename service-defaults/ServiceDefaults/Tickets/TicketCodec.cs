using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AvatarStream.ServiceDefaults.Tickets;

/// <summary>
/// A ticket on the wire: <c>keyId.payload.signature</c>, the payload base64url JSON, the signature base64url
/// HMAC-SHA256 over <c>keyId.payload</c>. Only URL-safe characters, so it goes into a query string, a subprotocol
/// token or a header as it is. Reading checks the signature before it looks at the payload.
/// </summary>
public static class TicketCodec
{
    /// <summary>Anything longer is no ticket of ours; read before any decoding, so a huge value costs nothing.</summary>
    public const int MaxLength = 512;

    private const int SignatureBytes = 32;

    public static string Write(StreamTicket ticket, TicketKey key)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(key);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("r", ticket.RoomId);
            json.WriteString("s", ticket.Identity);
            json.WriteString("role", ticket.Role);
            json.WriteString("i", ticket.InstanceId);
            json.WriteNumber("exp", ticket.ExpiresAt.ToUnixTimeSeconds());
            json.WriteString("n", ticket.Nonce);
            json.WriteEndObject();
        }

        var signed = key.Id + "." + Base64Url.EncodeToString(buffer.ToArray());
        return signed + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key.Secret, Encoding.ASCII.GetBytes(signed)));
    }

    /// <summary>The ticket's grant when <paramref name="text"/> is a ticket signed by one of <paramref name="keys"/>; expiry and use are the caller's to check.</summary>
    public static TicketReading Read(string? text, TicketKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return TicketReading.Refused(TicketRefusal.Malformed);
        }

        var firstDot = text.IndexOf('.', StringComparison.Ordinal);
        var lastDot = text.LastIndexOf('.');
        if (firstDot <= 0 || lastDot <= firstDot + 1 || lastDot == text.Length - 1)
        {
            return TicketReading.Refused(TicketRefusal.Malformed);
        }

        if (keys.Find(text.AsSpan(0, firstDot)) is not { } key)
        {
            return TicketReading.Refused(TicketRefusal.UnknownKey);
        }

        Span<byte> presented = stackalloc byte[SignatureBytes + 3];
        if (!TryDecodeSignature(text.AsSpan(lastDot + 1), presented, out var presentedLength) || presentedLength != SignatureBytes)
        {
            return TicketReading.Refused(TicketRefusal.Malformed);
        }

        Span<byte> expected = stackalloc byte[SignatureBytes];
        HMACSHA256.HashData(key.Secret, Encoding.ASCII.GetBytes(text[..lastDot]), expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, presented[..SignatureBytes]))
        {
            return TicketReading.Refused(TicketRefusal.BadSignature);
        }

        return TryParsePayload(text.AsSpan(firstDot + 1, lastDot - firstDot - 1), out var ticket)
            ? new TicketReading(ticket, TicketRefusal.None)
            : TicketReading.Refused(TicketRefusal.Malformed);
    }

    // TryDecodeFromChars is false only for a destination too small: text that is no base64url throws.
    private static bool TryDecodeSignature(ReadOnlySpan<char> encoded, Span<byte> signature, out int length)
    {
        try
        {
            return Base64Url.TryDecodeFromChars(encoded, signature, out length);
        }
        catch (FormatException)
        {
            length = 0;
            return false;
        }
    }

    // Only a payload this codec wrote gets here (the signature matched), so anything unexpected is a bug or a leaked
    // key; it is refused all the same rather than trusted.
    private static bool TryParsePayload(ReadOnlySpan<char> encoded, out StreamTicket ticket)
    {
        ticket = null!;
        byte[] payload;
        try
        {
            payload = Base64Url.DecodeFromChars(encoded);
        }
        catch (FormatException)
        {
            return false;
        }

        string? room = null, identity = null, role = null, instance = null, nonce = null;
        long? expires = null;
        try
        {
            using var json = JsonDocument.Parse(payload);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            foreach (var property in json.RootElement.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "r": room = Text(property.Value); break;
                    case "s": identity = Text(property.Value); break;
                    case "role": role = Text(property.Value); break;
                    case "i": instance = Text(property.Value); break;
                    case "n": nonce = Text(property.Value); break;
                    case "exp" when property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt64(out var seconds):
                        expires = seconds;
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        if (room is null || identity is null || role is null || instance is null || nonce is null || expires is not { } exp ||
            exp < 0 || exp > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        ticket = new StreamTicket(room, identity, role, instance, DateTimeOffset.FromUnixTimeSeconds(exp), nonce);
        return true;
    }

    private static string? Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
