using System.Text.Json.Serialization;

namespace AvatarStream.Contracts;

/// <summary>What create-room and join-room answer.</summary>
/// <param name="RoomId">Canonical 5-digit room id, leading zeros kept.</param>
/// <param name="ClientId">A random UUID v4: the seat's credential at the room router, shown again to join-room to rejoin. Never sent to a stream instance.</param>
/// <param name="StreamUrl">WebSocket URL of the instance that hosts the room.</param>
/// <param name="Role">The client's role in the room (<see cref="RoomRoles"/>).</param>
/// <param name="Protocols">The subprotocols the instance speaks, preferred first (<see cref="StreamProtocol.Offered"/>).</param>
/// <param name="Ticket">The one-time WebSocket ticket: opens one socket on the instance, within a minute (by default).</param>
/// <param name="Knocking">The seat came without the room's join key: the socket waits in the lobby until a host admits it (v2 only).</param>
/// <param name="JoinKey">The room's join key, the secret of its invite link: answered to its host only.</param>
public sealed record RoomTicket(
    string RoomId,
    string ClientId,
    string StreamUrl,
    string Role,
    IReadOnlyList<string> Protocols,
    string Ticket,
    bool Knocking = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? JoinKey = null);
