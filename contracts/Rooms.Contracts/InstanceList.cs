namespace AvatarStream.Contracts;

/// <summary>The registered stream instances (<c>GET /instances</c> on the room router), for the IP updater.</summary>
/// <param name="Instances">Every registered instance.</param>
public sealed record InstanceList(IReadOnlyList<RegisteredInstance> Instances);

/// <summary>One registered stream instance.</summary>
/// <param name="InstanceId">Its Dapr app-id.</param>
/// <param name="StreamUrl">Its public WebSocket URL.</param>
public sealed record RegisteredInstance(string InstanceId, string StreamUrl);

/// <summary>
/// The rooms a stream instance hosts with their clients (<c>GET /instances/{instance_id}/rooms</c> on the room router):
/// a restarted instance admits them again, so tickets issued before the restart still connect.
/// </summary>
/// <param name="InstanceId">The instance's app-id.</param>
/// <param name="Rooms">Its rooms.</param>
public sealed record InstanceRooms(string InstanceId, IReadOnlyList<HostedRoom> Rooms);

/// <summary>One room on an instance with the clients holding a live seat in it.</summary>
/// <param name="RoomId">Canonical 5-digit room id.</param>
/// <param name="Clients">Its clients, admitted or pending.</param>
/// <param name="Settings">What the room was created with.</param>
public sealed record HostedRoom(string RoomId, IReadOnlyList<HostedClient> Clients, RoomSettings Settings);

/// <summary>One client of a hosted room, as it was registered.</summary>
/// <param name="ClientId">The client's id.</param>
/// <param name="Role">One of <see cref="RoomRoles"/>.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Knock">It joined without the room's key (<see cref="RegisterRequest.Knock"/>).</param>
public sealed record HostedClient(string ClientId, string Role, string Name, bool Knock = false);
