namespace AvatarStream.Contracts;

/// <summary>The registered stream instances (<c>GET /instances</c> on the room router), for the IP updater.</summary>
/// <param name="Instances">Every registered instance.</param>
public sealed record InstanceList(IReadOnlyList<RegisteredInstance> Instances);

/// <summary>One registered stream instance.</summary>
/// <param name="InstanceId">Its Dapr app-id.</param>
/// <param name="StreamUrl">Its public WebSocket URL.</param>
public sealed record RegisteredInstance(string InstanceId, string StreamUrl);
