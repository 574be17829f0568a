using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace AvatarStream.Deployment.Tests.Support;

// The routes a built (not started) app serves, as "METHOD /path" (ANY when the endpoint takes every method).
internal static class AppRoutes
{
    public static async Task<IReadOnlySet<string>> OfAsync(Func<string[], WebApplication> build)
    {
        await using var app = build([]);
        return ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => Methods(endpoint).Select(method => $"{method} /{endpoint.RoutePattern.RawText?.TrimStart('/')}"))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : ["ANY"];

    public static bool Serves(IReadOnlySet<string> routes, string method, string path) =>
        routes.Contains($"{method} {path}") || routes.Contains($"ANY {path}");
}
