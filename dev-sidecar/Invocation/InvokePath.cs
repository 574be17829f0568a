using System.Text.RegularExpressions;

namespace AvatarStream.DevSidecar.Invocation;

// The parts of /v1.0/invoke/{appId}/method/{method}?{query} read from the raw request target, so that the
// method path keeps its escaping and the query string goes on byte for byte (dapr-contract §4).
public readonly partial record struct InvokePath(string AppId, string Method, string Query)
{
    private const string Prefix = "/v1.0/invoke/";

    // The method path and query as they go to the app: /{method}?{query}.
    public string AppPathAndQuery => "/" + Method + Query;

    public static bool TryParse(string rawTarget, out InvokePath path)
    {
        path = default;
        var (target, query) = SplitQuery(rawTarget);
        if (!target.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = target[Prefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var appId = Uri.UnescapeDataString(slash < 0 ? rest : rest[..slash]);
        var afterId = slash < 0 ? "" : rest[slash..];
        if (appId.Length == 0 || !(afterId == "/method" || afterId.StartsWith("/method/", StringComparison.Ordinal)))
        {
            return false;
        }

        path = new InvokePath(appId, afterId.Length > "/method/".Length ? afterId["/method/".Length..] : "", query);
        return true;
    }

    // Splits off the query (kept with its '?') and collapses repeated slashes in the path, as daprd does.
    public static (string Path, string Query) SplitQuery(string rawTarget)
    {
        // An absolute-form target (http://host/path) carries the path after the authority.
        if (rawTarget.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rawTarget.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            var pathStart = rawTarget.IndexOf('/', rawTarget.IndexOf("//", StringComparison.Ordinal) + 2);
            rawTarget = pathStart < 0 ? "/" : rawTarget[pathStart..];
        }

        var q = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = q < 0 ? rawTarget : rawTarget[..q];
        return (RepeatedSlashes().Replace(path, "/"), q < 0 ? "" : rawTarget[q..]);
    }

    [GeneratedRegex("/{2,}")]
    private static partial Regex RepeatedSlashes();
}
