namespace AvatarStream.Contracts;

/// <summary>A registered stream instance, as the room router lists it (<c>GET /instances</c>).</summary>
/// <param name="InstanceId">The instance's Dapr app-id.</param>
/// <param name="StreamUrl">Its public WebSocket URL.</param>
/// <param name="Rooms">How many rooms it hosts.</param>
public sealed record InstanceInfo(string InstanceId, string StreamUrl, int Rooms);
