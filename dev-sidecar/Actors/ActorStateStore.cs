using AvatarStream.DevSidecar.State;

namespace AvatarStream.DevSidecar.Actors;

// Actor state in the store under {appId}||{type}||{id}||{key}, the layout daprd uses (no keyPrefix applied).
// Today this is the cluster's store; it is the seam where the component marked actorStateStore: "true" plugs in.
public sealed class ActorStateStore(IStateStore store)
{
    public Task<StateEntry?> GetAsync(string appId, string actorType, string actorId, string key, CancellationToken cancellationToken) =>
        store.GetAsync(StateKeys.ForActor(appId, actorType, actorId, key), cancellationToken);

    // Applies every operation or none; throws ETagMismatchException when an ETag does not match.
    public Task ApplyAsync(string appId, string actorType, string actorId, IReadOnlyList<ActorStateOperation> operations, CancellationToken cancellationToken) =>
        store.ApplyAsync(operations.Select(o => o.Value is { } value
            ? StateWrite.Upsert(StateKeys.ForActor(appId, actorType, actorId, o.Key), value, o.ETag, ttl: o.Ttl)
            : StateWrite.Delete(StateKeys.ForActor(appId, actorType, actorId, o.Key), o.ETag)).ToArray(), cancellationToken);
}
