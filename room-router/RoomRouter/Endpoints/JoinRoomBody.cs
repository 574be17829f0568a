using System.Text.Json;
using AvatarStream.RoomRouter.Rooms;

namespace AvatarStream.RoomRouter.Endpoints;

/// <summary>The body of <c>POST /join-room</c>. <c>room_id</c> may also be sent as a JSON number (157).</summary>
/// <param name="RoomId">1 to 5 digits, e.g. "00157".</param>
/// <param name="ClientId">
/// Optional: the client id of a ticket for this room the caller already holds. While it still holds its seat, the same
/// ticket comes back and no new seat is taken (a reconnect); otherwise a new client id is issued.
/// </param>
internal sealed record JoinRoomBody(string RoomId, string? ClientId = null)
{
    private const string ClientProperty = "client_id";

    private const string Property = "room_id";
    private const string Expected = "room_id must be a string of 1 to 5 digits (\"00157\") or a whole number from 0 to 99999.";

    public static bool TryReadRoomId(JsonElement body, out Core.Rooms.RoomId roomId, out string error)
    {
        roomId = default;
        error = Expected;
        if (!body.TryGetProperty(Property, out var value))
        {
            error = "room_id is required.";
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => Core.Rooms.RoomId.TryParse(value.GetString(), out roomId),
            JsonValueKind.Number => value.TryGetInt64(out var number) && Core.Rooms.RoomId.TryFromNumber(number, out roomId),
            _ => false,
        };
    }

    /// <summary>The optional client id, as the router issues them (lower-case UUID); null when absent.</summary>
    public static bool TryReadClientId(JsonElement body, out string? clientId, out string error)
    {
        clientId = null;
        error = "client_id, when given, must be the UUID of a ticket for this room.";
        if (!body.TryGetProperty(ClientProperty, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.String || !ClientIds.TryNormalize(value.GetString(), out var id))
        {
            return false;
        }

        clientId = id;
        return true;
    }
}
