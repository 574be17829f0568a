using AvatarStream.DevSidecar.Hosting;
using Microsoft.AspNetCore.Http.Features;

namespace AvatarStream.DevSidecar.App;

// Copies headers and bodies across a proxy hop the way daprd's HTTP channel does (dapr-contract §4): hop-by-hop headers
// never cross, Content-Length is recomputed, and the caller's dapr-api-token / dapr-app-id stay behind.
public static class ProxyHeaders
{
    // Headers the sidecar uses between its own instances; never passed on to an app.
    public const string InternalPrefix = "x-devsidecar-";

    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Connection",
        "TE", "Trailer", "Transfer-Encoding", "Upgrade", "HTTP2-Settings",
    };

    private static readonly HashSet<string> NotForwarded = new(HopByHop, StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "dapr-app-id", ApiTokenComparer.HeaderName,
    };

    public static bool IsForwardable(string name) =>
        !NotForwarded.Contains(name) && !name.StartsWith(InternalPrefix, StringComparison.OrdinalIgnoreCase);

    // Copies the forwardable request headers onto message and streams the request body, if it has
    // one, as the message content (keeping its length when known, so the app sees Content-Length, not chunks).
    public static void CopyRequest(HttpRequest request, HttpRequestMessage message, Func<string, bool>? skip = null)
    {
        var canHaveBody = request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? request.ContentLength > 0;
        if (canHaveBody)
        {
            message.Content = new StreamContent(request.Body);
            message.Content.Headers.ContentLength = request.ContentLength;
        }

        foreach (var (name, values) in request.Headers)
        {
            if (!IsForwardable(name) || (skip?.Invoke(name) ?? false))
            {
                continue;
            }

            if (!message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }
    }

    // Writes the status and headers of source to response, then streams its body.
    public static async Task CopyResponseAsync(HttpResponseMessage source, HttpResponse response, CancellationToken cancellationToken)
    {
        CopyResponseHead(source, response);
        await source.Content.CopyToAsync(response.Body, cancellationToken);
    }

    private static void CopyResponseHead(HttpResponseMessage source, HttpResponse response)
    {
        response.StatusCode = (int)source.StatusCode;
        foreach (var (name, values) in source.Headers.Concat(source.Content.Headers))
        {
            if (!HopByHop.Contains(name))
            {
                response.Headers[name] = values.ToArray();
            }
        }
    }
}
