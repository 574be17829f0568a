namespace AvatarStream.DevSidecar.Discovery;

// One running sidecar as others see it: which app it serves, where its HTTP API listens, and which actor
// types the app registered in GET /dapr/config. InstanceId tells replicas of one app-id apart.
public sealed record AppRegistration(
    string AppId,
    string InstanceId,
    Uri SidecarHttp,
    IReadOnlyList<string> ActorTypes);
