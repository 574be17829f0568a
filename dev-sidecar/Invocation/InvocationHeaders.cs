using Microsoft.AspNetCore.Http.Features;

namespace AvatarStream.DevSidecar.Invocation;

// The headers daprd adds to an invocation on its way to the app (dapr-contract §4); callers' copies are replaced.
public static class InvocationHeaders
{
    public const string CallerAppId = "dapr-caller-app-id";
    public const string CalleeAppId = "dapr-callee-app-id";

    private static readonly HashSet<string> Replaced = new(StringComparer.OrdinalIgnoreCase)
    {
        CallerAppId, CalleeAppId, "X-Forwarded-For", "X-Forwarded-Host", "Forwarded",
    };

    public static bool IsReplaced(string name) => Replaced.Contains(name);

    public static IReadOnlyList<KeyValuePair<string, string>> For(HttpContext context, string callerAppId, string calleeAppId)
    {
        var connection = context.Features.Get<IHttpConnectionFeature>();
        var from = connection?.RemoteIpAddress?.ToString() ?? "127.0.0.1";
        var by = connection?.LocalIpAddress?.ToString() ?? "127.0.0.1";
        var host = context.Request.Host.Value ?? "";
        return
        [
            new(CallerAppId, callerAppId),
            new(CalleeAppId, calleeAppId),
            new("X-Forwarded-For", from),
            new("X-Forwarded-Host", host),
            new("Forwarded", $"by={by};for={from};host={host};proto=http"),
        ];
    }
}
