namespace AvatarStream.DevSidecar.Actors;

// One turn of an actor on its app: PUT /actors/{type}/{id}/{path} (or DELETE with an empty path) with
// Body and Headers. ReentrancyId is the caller's
// Dapr-Reentrancy-Id, if any.
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
    // A timer or reminder firing: PUT /actors/{type}/{id}/method/{kind}/{name} with a JSON
    // body, where kind is timer or remind.
    public static ActorCall Fire(string actorType, string actorId, string kind, string name, byte[] body) =>
        new(actorType, actorId, HttpMethod.Put, $"method/{kind}/{Uri.EscapeDataString(name)}", body,
            [KeyValuePair.Create("Content-Type", new[] { "application/json" })]);

    public string AppPath =>
        $"/actors/{Uri.EscapeDataString(ActorType)}/{Uri.EscapeDataString(ActorId)}" + (Path.Length == 0 ? "" : "/" + Path);
}
