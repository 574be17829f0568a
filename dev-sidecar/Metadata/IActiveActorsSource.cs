namespace AvatarStream.DevSidecar.Metadata;

// Counts the actors active in this sidecar's app, by type, for GetMetadata and GET /v1.0/metadata.
// The actor runtime provides it; without one, no actors are reported.
public interface IActiveActorsSource
{
    public IReadOnlyList<ActiveActorCount> GetActiveActors();
}

public sealed record ActiveActorCount(string Type, int Count);
