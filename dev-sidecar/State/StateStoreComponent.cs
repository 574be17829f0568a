using AvatarStream.DevSidecar.Components;

namespace AvatarStream.DevSidecar.State;

/// <summary>
/// One state component as this sidecar serves it. <see cref="Store"/> holds this component's keys only (other
/// components never see them); callers pass full stored keys, e.g. <see cref="StoredKey"/> for the state API or
/// <see cref="StateKeys.ForActor"/> for actor state.
/// </summary>
public sealed class StateStoreComponent(Component component, IStateStore store, StateKeyPrefix keyPrefix, bool isActorStateStore)
{
    public Component Component { get; } = component;

    public string Name => Component.Name;

    public IStateStore Store { get; } = store;

    /// <summary>Whether the component says <c>actorStateStore: "true"</c>.</summary>
    public bool IsActorStateStore { get; } = isActorStateStore;

    /// <summary>What <c>GetMetadata</c> reports; the features every store here has (dapr-contract §10).</summary>
    public IReadOnlyList<string> Capabilities => IsActorStateStore ? ["ETAG", "TRANSACTIONAL", "TTL", "ACTOR"] : ["ETAG", "TRANSACTIONAL", "TTL"];

    /// <summary>The stored key of a state API key, under this component's <c>keyPrefix</c> and this sidecar's app.</summary>
    public string StoredKey(string key) => keyPrefix.Apply(key);
}
