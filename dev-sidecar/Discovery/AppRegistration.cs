namespace AvatarStream.DevSidecar.Discovery;

/// <summary>
/// One running sidecar as others see it: which app it serves, where its HTTP API listens, and which actor
/// types the app registered in <c>GET /dapr/config</c>. <see cref="InstanceId"/> tells replicas of one app-id apart.
/// </summary>
public sealed record AppRegistration(
    string AppId,
    string InstanceId,
    Uri SidecarHttp,
    IReadOnlyList<string> ActorTypes);
