namespace AvatarStream.Contracts;

/// <summary>A stream instance announces itself to the room router (<c>POST /put-task</c>).</summary>
/// <param name="InstanceId">The instance's Dapr app-id, e.g. <c>stream-1</c>.</param>
/// <param name="StreamUrl">The public WebSocket URL browsers connect to.</param>
public sealed record PutTaskRequest(string InstanceId, string StreamUrl);

/// <summary>A client left a stream instance (<c>POST /remove-client</c> on the room router).</summary>
/// <param name="RoomId">Canonical 5-digit room id.</param>
/// <param name="ClientId">The client's id.</param>
public sealed record RemoveClientRequest(string RoomId, string ClientId);

/// <summary>The room router admits a client on a stream instance (<c>POST /register</c> on the instance).</summary>
/// <param name="RoomId">Canonical 5-digit room id.</param>
/// <param name="ClientId">The client's id.</param>
public sealed record RegisterRequest(string RoomId, string ClientId);

/// <summary>The IP updater asks the room router to drop a dead instance with its rooms and clients.</summary>
/// <param name="InstanceId">The dead instance's app-id.</param>
public sealed record EvictInstanceRequest(string InstanceId);

/// <summary>What create-room and join-room answer.</summary>
/// <param name="RoomId">Canonical 5-digit room id, leading zeros kept.</param>
/// <param name="ClientId">A random UUID v4, the client's credential for the stream.</param>
/// <param name="StreamUrl">WebSocket URL of the instance that hosts the room.</param>
public sealed record RoomTicket(string RoomId, string ClientId, string StreamUrl);
