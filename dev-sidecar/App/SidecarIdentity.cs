namespace AvatarStream.DevSidecar.App;

// Who this sidecar is in the directory: the app-id it serves and an instance id that tells it apart from other
// replicas of that app and from its own earlier runs.
public sealed class SidecarIdentity(string appId)
{
    public string AppId { get; } = appId;

    public string InstanceId { get; } = Guid.NewGuid().ToString("N");
}
