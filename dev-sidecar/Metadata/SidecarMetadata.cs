using System.Collections.Concurrent;
using AvatarStream.DevSidecar.Components;
using AvatarStream.DevSidecar.Hosting;
using AvatarStream.DevSidecar.State;

namespace AvatarStream.DevSidecar.Metadata;

// What the metadata API reports (dapr-contract §8), for both its gRPC and its HTTP form.
public sealed class SidecarMetadata(
    SidecarOptions options,
    IReadOnlyList<Component> components,
    StateStoreRegistry stateStores,
    IActiveActorsSource activeActors)
{
    public const string RuntimeVersion = "dev-sidecar";

    private readonly ConcurrentDictionary<string, string> _extended = new(StringComparer.Ordinal);

    public string AppId => options.AppId;

    public int? AppPort => options.AppPort;

    public IReadOnlyCollection<string> EnabledFeatures => options.Features;

    // Actors can run only with an actor state store, as in daprd.
    public bool ActorRuntimeEnabled => stateStores.ActorStore is not null;

    public IReadOnlyList<RegisteredComponent> Components =>
        components
            .Select(c => new RegisteredComponent(
                c.Name,
                c.Type,
                c.Version,
                c.Block == "state" ? stateStores.Find(c.Name)?.Capabilities ?? [] : []))
            .ToArray();

    public IReadOnlyList<ActiveActorCount> ActiveActors => activeActors.GetActiveActors();

    // The attributes set through SetMetadata / PUT /v1.0/metadata/{key}.
    public IReadOnlyDictionary<string, string> Extended => new SortedDictionary<string, string>(_extended, StringComparer.Ordinal);

    public void SetExtended(string key, string value) => _extended[key] = value;
}
