namespace AvatarStream.DevSidecar.Metadata;

// The JSON of GET /v1.0/metadata, with daprd's property names (camelCase by the web defaults).
internal sealed record MetadataDocument(
    string Id,
    string RuntimeVersion,
    IReadOnlyCollection<string> EnabledFeatures,
    IReadOnlyList<MetadataDocument.Actor> Actors,
    IReadOnlyList<RegisteredComponent> Components,
    IReadOnlyDictionary<string, string> Extended,
    IReadOnlyList<object> Subscriptions,
    IReadOnlyList<object> HttpEndpoints,
    MetadataDocument.AppConnection AppConnectionProperties,
    MetadataDocument.ActorRuntimeState ActorRuntime)
{
    public static MetadataDocument From(SidecarMetadata metadata)
    {
        var actors = metadata.ActiveActors.Select(a => new Actor(a.Type, a.Count)).ToArray();
        return new MetadataDocument(
            metadata.AppId,
            SidecarMetadata.RuntimeVersion,
            metadata.EnabledFeatures,
            actors,
            metadata.Components,
            metadata.Extended,
            [],
            [],
            new AppConnection(metadata.AppPort, "http", "127.0.0.1"),
            new ActorRuntimeState(metadata.ActorRuntimeEnabled ? "RUNNING" : "DISABLED", actors, metadata.ActorRuntimeEnabled, ""));
    }

    internal sealed record Actor(string Type, int Count);

    internal sealed record AppConnection(int? Port, string Protocol, string ChannelAddress);

    internal sealed record ActorRuntimeState(string RuntimeStatus, IReadOnlyList<Actor> ActiveActors, bool HostReady, string Placement);
}
