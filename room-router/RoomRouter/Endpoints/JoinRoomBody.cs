using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Rooms;

namespace AvatarStream.RoomRouter.Endpoints;

// The body of POST /join-room, read by hand so that each bad field gets a 400 naming it. room_id may also come as a
// JSON number (157). client_id is optional: the id of a ticket for this room the caller already holds; while it still
// holds its seat, the same ticket comes back (a reconnect), otherwise a new client id is issued. name is optional: the
// display name of a new identity ("Guest" when not given); a reconnect keeps the name it joined with.
internal sealed record JoinRoomBody(
    string RoomId,
    string? ClientId = null,
    [property: Description("The display name of a new identity: 1 to 40 characters after trimming, no control characters.")]
    string Name = MemberNames.Default)
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
            || !BodyFields.TryReadName(body, out var name, out error))
        {
            return null;
        }

        return new JoinRoomBody(roomId.ToString(), clientId, name) { Room = roomId };
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
