namespace AvatarStream.DevSidecar.State;

// Dapr's stored-key conventions (dapr-contract §3 "Key prefix", §5.2 actor state keys).
public static class StateKeys
{
    // Joins the parts of a stored key; user keys may not contain it.
    public const string Separator = "||";

    // daprd refuses state keys that contain the separator, whatever the prefix strategy.
    public static bool IsValid(string key) => !key.Contains(Separator, StringComparison.Ordinal);

    // The stored key of one actor state entry: {appId}||{actorType}||{actorId}||{key}.
    public static string ForActor(string appId, string actorType, string actorId, string key) =>
        string.Join(Separator, appId, actorType, actorId, key);
}
