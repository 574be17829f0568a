namespace AvatarStream.RoomRouter.Instances;

/// <summary>How the registered stream instances are stored: app-id to public WebSocket URL.</summary>
internal sealed record InstanceRegistryDocument(Dictionary<string, string> Instances)
{
    public static InstanceRegistryDocument Empty => new(new Dictionary<string, string>(StringComparer.Ordinal));
}
