namespace AvatarStream.DevSidecar.State;

/// <summary>Dapr's stored-key conventions (dapr-contract §3 "Key prefix", §5.2 actor state keys).</summary>
public static class StateKeys
{
    /// <summary>Joins the parts of a stored key; user keys may not contain it.</summary>
    public const string Separator = "||";

    /// <summary>daprd refuses state keys that contain the separator, whatever the prefix strategy.</summary>
    public static bool IsValid(string key) => !key.Contains(Separator, StringComparison.Ordinal);

    /// <summary>The stored key of one actor state entry: <c>{appId}||{actorType}||{actorId}||{key}</c>.</summary>
    public static string ForActor(string appId, string actorType, string actorId, string key) =>
        string.Join(Separator, appId, actorType, actorId, key);
}
