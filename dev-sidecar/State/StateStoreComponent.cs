using AvatarStream.DevSidecar.Components;

namespace AvatarStream.DevSidecar.State;

// One state component as this sidecar serves it. Store holds this component's keys only (other
// components never see them); callers pass full stored keys, e.g. StoredKey for the state API or
// ForActor for actor state.
public sealed class StateStoreComponent(Component component, IStateStore store, StateKeyPrefix keyPrefix, bool isActorStateStore)
{
    public Component Component { get; } = component;

    public string Name => Component.Name;

    public IStateStore Store { get; } = store;

    // Whether the component says actorStateStore: "true".
    public bool IsActorStateStore { get; } = isActorStateStore;

    // What GetMetadata reports; the features every store here has (dapr-contract §10).
    public IReadOnlyList<string> Capabilities => IsActorStateStore ? ["ETAG", "TRANSACTIONAL", "TTL", "ACTOR"] : ["ETAG", "TRANSACTIONAL", "TTL"];

    // The stored key of a state API key, under this component's keyPrefix and this sidecar's app.
    public string StoredKey(string key) => keyPrefix.Apply(key);
}
