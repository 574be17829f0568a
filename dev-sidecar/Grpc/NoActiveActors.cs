namespace AvatarStream.DevSidecar.Grpc;

/// <summary>The <see cref="IActiveActorsSource"/> of a sidecar without an actor runtime.</summary>
internal sealed class NoActiveActors : IActiveActorsSource
{
    public IReadOnlyList<ActiveActorCount> GetActiveActors() => [];
}
