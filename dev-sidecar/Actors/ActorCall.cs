namespace AvatarStream.DevSidecar.Actors;

/// <summary>
/// One turn of an actor on its app: <c>PUT /actors/{type}/{id}/{path}</c> (or DELETE with an empty path) with
/// <paramref name="Body"/> and <paramref name="Headers"/>. <paramref name="ReentrancyId"/> is the caller's
/// <c>Dapr-Reentrancy-Id</c>, if any.
/// </summary>
public sealed record ActorCall(
    string ActorType,
    string ActorId,
    HttpMethod Verb,
    string Path,
    ReadOnlyMemory<byte> Body,
    IReadOnlyList<KeyValuePair<string, string[]>> Headers,
    string? ReentrancyId = null,
    bool CountsAsUse = true)
{
    public string AppPath =>
        $"/actors/{Uri.EscapeDataString(ActorType)}/{Uri.EscapeDataString(ActorId)}" + (Path.Length == 0 ? "" : "/" + Path);
}
