using Grpc.AspNetCore.Server;

namespace AvatarStream.DevSidecar.Hosting;

// With ApiToken set, every HTTP call except the health probes must carry header
// dapr-api-token (dapr-contract §9), else 401 invalid api token. The header is then removed, so
// nothing forwards it to an app. gRPC methods are left to the gRPC interceptor, which answers with a gRPC status.
public static class ApiTokenMiddleware
{
    public static IApplicationBuilder UseApiToken(this IApplicationBuilder app)
    {
        var token = app.ApplicationServices.GetRequiredService<SidecarOptions>().ApiToken;
        if (string.IsNullOrEmpty(token))
        {
            return app;
        }

        return app.Use(async (context, next) =>
        {
            if (IsExempt(context))
            {
                await next(context);
                return;
            }

            if (!ApiTokenComparer.Accepts(token, context.Request.Headers[ApiTokenComparer.HeaderName]))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("invalid api token", context.RequestAborted);
                return;
            }

            context.Request.Headers.Remove(ApiTokenComparer.HeaderName);
            await next(context);
        });
    }

    // Only a request already routed to a gRPC method skips this check. Before routing (no endpoint yet) everything
    // is checked here: a gRPC client turns HTTP 401 into Unauthenticated too, so nothing slips through either way.
    // Sidecar-to-sidecar routes are marked anonymous: they carry the cluster's own token instead.
    private static bool IsExempt(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is not null
        || context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null
        || (HttpMethods.IsGet(context.Request.Method)
            && (context.Request.Path.Equals("/v1.0/healthz", StringComparison.OrdinalIgnoreCase)
                || context.Request.Path.Equals("/v1.0/healthz/outbound", StringComparison.OrdinalIgnoreCase)));
}
