namespace AvatarStream.DevSidecar.Metadata;

/// <summary>
/// Counts the actors active in this sidecar's app, by type, for <c>GetMetadata</c> and <c>GET /v1.0/metadata</c>.
/// The actor runtime provides it; without one, no actors are reported.
/// </summary>
public interface IActiveActorsSource
{
    public IReadOnlyList<ActiveActorCount> GetActiveActors();
}

public sealed record ActiveActorCount(string Type, int Count);
