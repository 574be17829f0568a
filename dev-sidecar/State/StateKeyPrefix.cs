namespace AvatarStream.DevSidecar.State;

// A state component's keyPrefix strategy, fixed for one app: appid (default), name,
// namespace, none, or any other text used literally.
public sealed class StateKeyPrefix
{
    private readonly string _prefix;

    private StateKeyPrefix(string prefix) => _prefix = prefix;

    // strategy is the component's keyPrefix metadata (null: appid); without an app namespace, "namespace" falls back
    // to the app-id, as daprd does.
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

    // The key as stored: prefix||key, or the key itself under none.
    public string Apply(string key) => _prefix.Length == 0 ? key : _prefix + StateKeys.Separator + key;

    public override string ToString() => _prefix;
}
