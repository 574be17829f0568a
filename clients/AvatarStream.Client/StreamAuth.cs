using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AvatarStream.Contracts;

namespace AvatarStream.Client;

// The credential subprotocol: avatar-stream.auth.<base64url, no padding, of UTF-8 JSON>, where the JSON is
// {"ticket"} (the one-time ticket join-room answered) with, for a resume, "resume": {"session", "secret", "last_seq"};
// or, once the ticket is spent, {"room_id", "resume"} alone: the resume secret is a credential of its own.
public static class StreamAuth
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Encode(StreamCredentials credentials) =>
        StreamProtocol.AuthPrefix + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(credentials, Json));

    // The credentials in an auth subprotocol, or null when it is not one (what a server reads; fakes and tests).
    public static StreamCredentials? Decode(string protocol)
    {
        if (!protocol.StartsWith(StreamProtocol.AuthPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var credentials = JsonSerializer.Deserialize<StreamCredentials>(Base64Url.DecodeFromChars(protocol.AsSpan(StreamProtocol.AuthPrefix.Length)), Json);
            return credentials is { Ticket: not null } or { RoomId: not null, Resume: not null } ? credentials : null;
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return null;
        }
    }
}

// Ticket, or RoomId and Resume.
public sealed record StreamCredentials(string? Ticket = null, string? RoomId = null, ResumeToken? Resume = null);
