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
    /// <summary>
    /// A timer or reminder firing: <c>PUT /actors/{type}/{id}/method/{kind}/{name}</c> with a JSON
    /// <paramref name="body"/>, where <paramref name="kind"/> is <c>timer</c> or <c>remind</c>.
    /// </summary>
    public static ActorCall Fire(string actorType, string actorId, string kind, string name, byte[] body) =>
        new(actorType, actorId, HttpMethod.Put, $"method/{kind}/{Uri.EscapeDataString(name)}", body,
            [KeyValuePair.Create("Content-Type", new[] { "application/json" })]);

    public string AppPath =>
        $"/actors/{Uri.EscapeDataString(ActorType)}/{Uri.EscapeDataString(ActorId)}" + (Path.Length == 0 ? "" : "/" + Path);
}
