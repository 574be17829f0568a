using AvatarStream.DevSidecar.State;

namespace AvatarStream.DevSidecar.Actors;

/// <summary>
/// Actor state in the store under <c>{appId}||{type}||{id}||{key}</c>, the layout daprd uses (no keyPrefix applied).
/// Today this is the cluster's store; it is the seam where the component marked <c>actorStateStore: "true"</c> plugs in.
/// </summary>
public sealed class ActorStateStore(IStateStore store)
{
    public Task<StateEntry?> GetAsync(string appId, string actorType, string actorId, string key, CancellationToken cancellationToken) =>
        store.GetAsync(StateKeys.ForActor(appId, actorType, actorId, key), cancellationToken);

    /// <summary>Applies every operation or none; throws <see cref="ETagMismatchException"/> when an ETag does not match.</summary>
    public Task ApplyAsync(string appId, string actorType, string actorId, IReadOnlyList<ActorStateOperation> operations, CancellationToken cancellationToken) =>
        store.ApplyAsync(operations.Select(o => o.Value is { } value
            ? StateWrite.Upsert(StateKeys.ForActor(appId, actorType, actorId, o.Key), value, o.ETag, ttl: o.Ttl)
            : StateWrite.Delete(StateKeys.ForActor(appId, actorType, actorId, o.Key), o.ETag)).ToArray(), cancellationToken);
}
