using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Core.Rooms;
using AvatarStream.RoomRouter.Rooms;

namespace AvatarStream.RoomRouter.Endpoints;

// The body of POST /join-room, read by hand so that each bad field gets a 400 naming it. room_id may also come as a
// JSON number (157). client_id is optional: the id of a ticket for this room the caller already holds; while it still
// holds its seat, the same ticket comes back (a reconnect), otherwise a new client id is issued. name is optional: the
// display name of a new identity ("Guest" when not given); a reconnect keeps the name it joined with. key is optional:
// the room's join key, from its invite link; without it a new identity knocks.
internal sealed record JoinRoomBody(
    string RoomId,
    string? ClientId = null,
    [property: Description("The display name of a new identity: 1 to 40 characters after trimming, no control characters.")]
    string Name = MemberNames.Default,
    [property: Description("The room's join key (from its invite link). Without it a new identity gets a knocking seat: its v2 socket waits in the lobby for a host, a v1 socket is refused. A wrong key is refused (403 wrong-join-key). Not needed to rejoin with a held client_id, nor in an open room.")]
    string? Key = null)
{
    // The room id as read, so the handler does not parse the canonical text again; not part of the body's schema.
    [JsonIgnore]
    public Core.Rooms.RoomId Room { get; private init; }

    private const string RoomProperty = "room_id";
    private const string ClientProperty = "client_id";

    // The body with the room id in its canonical form ("00157"), the client id as the router issues them
    // (a lower-case UUID) and the name trimmed; null, with the reason, when a field is missing or malformed.
    public static JoinRoomBody? Read(JsonElement body, out string error)
    {
        if (!TryReadRoomId(body, out var roomId, out error)
            || !TryReadClientId(body, out var clientId, out error)
            || !BodyFields.TryReadName(body, out var name, out error)
            || !TryReadKey(body, out var key, out error))
        {
            return null;
        }

        return new JoinRoomBody(roomId.ToString(), clientId, name, key) { Room = roomId };
    }

    private static bool TryReadKey(JsonElement body, out string? key, out string error)
    {
        key = null;
        error = $"key, when given, must be a string of 1 to {JoinKeys.MaxLength} characters.";
        if (!body.TryGetProperty("key", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (!BodyFields.TryGetText(value, out var text) || text.Length is 0 or > JoinKeys.MaxLength)
        {
            return false;
        }

        key = text;
        return true;
    }

    private static bool TryReadRoomId(JsonElement body, out Core.Rooms.RoomId roomId, out string error)
    {
        roomId = default;
        if (!body.TryGetProperty(RoomProperty, out var value))
        {
            error = "room_id is required.";
            return false;
        }

        error = "room_id must be a string of 1 to 5 digits (\"00157\") or a whole number from 0 to 99999.";
        return value.ValueKind switch
        {
            JsonValueKind.String => BodyFields.TryGetText(value, out var text) && Core.Rooms.RoomId.TryParse(text, out roomId),
            JsonValueKind.Number => value.TryGetInt64(out var number) && Core.Rooms.RoomId.TryFromNumber(number, out roomId),
            _ => false,
        };
    }

    private static bool TryReadClientId(JsonElement body, out string? clientId, out string error)
    {
        clientId = null;
        error = "client_id, when given, must be the UUID of a ticket for this room.";
        if (!body.TryGetProperty(ClientProperty, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (!BodyFields.TryGetText(value, out var text) || !ClientIds.TryNormalize(text, out var id))
        {
            return false;
        }

        clientId = id;
        return true;
    }
}
