namespace AvatarStream.DevSidecar.State;

/// <summary>
/// A state component's <c>keyPrefix</c> strategy, fixed for one app: <c>appid</c> (default), <c>name</c>,
/// <c>namespace</c>, <c>none</c>, or any other text used literally.
/// </summary>
public sealed class StateKeyPrefix
{
    private readonly string _prefix;

    private StateKeyPrefix(string prefix) => _prefix = prefix;

    /// <param name="strategy">The component's <c>keyPrefix</c> metadata, or null.</param>
    /// <param name="storeName">The component name.</param>
    /// <param name="appId">The calling app: the app this sidecar serves.</param>
    /// <param name="appNamespace">The app's namespace; without one, <c>namespace</c> falls back to the app-id, as daprd does.</param>
    public static StateKeyPrefix For(string? strategy, string storeName, string appId, string? appNamespace)
    {
        var prefix = strategy?.ToLowerInvariant() switch
        {
            null or "" or "appid" => appId,
            "name" => storeName,
            "namespace" => string.IsNullOrEmpty(appNamespace) ? appId : appNamespace + "." + appId,
            "none" => "",
            _ => strategy,
        };
        return new StateKeyPrefix(prefix);
    }

    /// <summary>The key as stored: <c>prefix||key</c>, or the key itself under <c>none</c>.</summary>
    public string Apply(string key) => _prefix.Length == 0 ? key : _prefix + StateKeys.Separator + key;

    public override string ToString() => _prefix;
}
