namespace AvatarStream.ServiceDefaults.Tickets;

/// <summary>
/// What a WebSocket ticket grants: one socket of <see cref="Identity"/> in <see cref="RoomId"/> on <see cref="InstanceId"/>
/// with <see cref="Role"/>, until <see cref="ExpiresAt"/>, once (<see cref="Nonce"/>).
/// </summary>
/// <param name="RoomId">Canonical 5-digit room id.</param>
/// <param name="Identity">The seat's identity (<see cref="AvatarStream.Contracts.SeatIdentity.Of"/>), never the client id itself: a ticket is readable by whoever holds it.</param>
/// <param name="Role">The member's role (<see cref="AvatarStream.Contracts.RoomRoles"/>).</param>
/// <param name="InstanceId">App-id of the stream instance the ticket is for.</param>
/// <param name="ExpiresAt">Last moment the ticket is accepted, whole seconds.</param>
/// <param name="Nonce">Random, so every ticket is different and each can be remembered as used.</param>
public sealed record StreamTicket(string RoomId, string Identity, string Role, string InstanceId, DateTimeOffset ExpiresAt, string Nonce);
