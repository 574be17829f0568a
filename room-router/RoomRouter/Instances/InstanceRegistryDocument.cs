namespace AvatarStream.RoomRouter.Instances;

// How the registered stream instances are stored: app-id to public WebSocket URL.
internal sealed record InstanceRegistryDocument(Dictionary<string, string> Instances)
{
    public static InstanceRegistryDocument Empty => new(new Dictionary<string, string>(StringComparer.Ordinal));
}
