namespace AvatarStream.Contracts;

/// <summary>What create-room and join-room answer.</summary>
/// <param name="RoomId">Canonical 5-digit room id, leading zeros kept.</param>
/// <param name="ClientId">A random UUID v4, the client's credential for the stream.</param>
/// <param name="StreamUrl">WebSocket URL of the instance that hosts the room.</param>
/// <param name="Role">The client's role in the room (<see cref="RoomRoles"/>).</param>
/// <param name="Protocols">The subprotocols the instance speaks, preferred first (<see cref="StreamProtocol.Offered"/>).</param>
public sealed record RoomTicket(string RoomId, string ClientId, string StreamUrl, string Role, IReadOnlyList<string> Protocols);
