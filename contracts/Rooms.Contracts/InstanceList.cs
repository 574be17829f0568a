namespace AvatarStream.Contracts;

/// <summary>The registered stream instances (<c>GET /instances</c> on the room router), for the IP updater.</summary>
/// <param name="Instances">Every registered instance.</param>
public sealed record InstanceList(IReadOnlyList<RegisteredInstance> Instances);

/// <summary>One registered stream instance.</summary>
/// <param name="InstanceId">Its Dapr app-id.</param>
/// <param name="StreamUrl">Its public WebSocket URL.</param>
public sealed record RegisteredInstance(string InstanceId, string StreamUrl);

/// <summary>One seat of a room, as it is registered on a stream instance (<see cref="PlaceRoomRequest"/>).</summary>
/// <param name="ClientId">The client's id.</param>
/// <param name="Role">One of <see cref="RoomRoles"/>.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Knock">It joined without the room's key (<see cref="RegisterRequest.Knock"/>).</param>
public sealed record HostedClient(string ClientId, string Role, string Name, bool Knock = false);
