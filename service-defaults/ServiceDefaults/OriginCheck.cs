using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AvatarStream.ServiceDefaults;

/// <summary>
/// Which browser origins may call an app: its own origin and a configured list. A request without an Origin header
/// comes from no web page (curl, native clients, the .NET client library) and is admitted.
/// </summary>
public static class OriginCheck
{
    public static bool Admits(HttpRequest request, IReadOnlyCollection<string> allowed)
    {
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        // "null" (sandboxed frames, file: pages) and anything else that is no http(s) origin is refused.
        if (Normalize(origin) is not { } asked)
        {
            return false;
        }

        return asked == Normalize($"{request.Scheme}://{request.Host.Value}") ||
            allowed.Any(entry => Normalize(entry) == asked);
    }

    public static ProblemHttpResult Refusal() =>
        TypedResults.Problem(
            "Requests from this web page's origin are not allowed.", statusCode: StatusCodes.Status403Forbidden, type: ProblemTypes.OriginNotAllowed);

    /// <summary>The entries that are not an origin (scheme://host[:port], http or https, nothing after).</summary>
    public static IEnumerable<string> Invalid(IEnumerable<string> origins) => origins.Where(entry => Normalize(entry) is null);

    // Browsers send lower-case hosts and leave default ports out; the list may be written either way.
    private static string? Normalize(string origin) =>
        Uri.TryCreate(origin.TrimEnd('/'), UriKind.Absolute, out var uri) &&
        (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) &&
        uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
            ? uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped)
            : null;
}
