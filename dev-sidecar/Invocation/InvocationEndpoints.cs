using AvatarStream.DevSidecar.App;
using Microsoft.AspNetCore.Http.Features;

namespace AvatarStream.DevSidecar.Invocation;

// Service invocation routes: the public daprd one and the internal hop between sidecars.
public static class InvocationEndpoints
{
    public static IEndpointRouteBuilder MapInvocationRoutes(this IEndpointRouteBuilder app)
    {
        app.Map("/v1.0/invoke/{appId}/method/{**method}", InvokeAsync);

        // Anything else under /v1.0/invoke lacks an app id; daprd answers 404 ERR_DIRECT_INVOKE.
        app.Map("/v1.0/invoke/{**rest}", (RequestDelegate)InvocationErrors.NoAppIdAsync);

        // Sidecars authenticate each other with the cluster token, not the app's dapr-api-token.
        app.Map(InvocationForwarder.InternalPrefix + "/{**method}", InvokeFromPeerAsync).AllowAnonymous();
        return app;
    }

    private static Task InvokeAsync(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        if (!InvokePath.TryParse(raw, out var path))
        {
            return InvocationErrors.NoAppIdAsync(context);
        }

        return context.RequestServices.GetRequiredService<InvocationForwarder>().InvokeAsync(context, path);
    }

    private static async Task InvokeFromPeerAsync(HttpContext context)
    {
        if (!await context.RequestServices.GetRequiredService<ClusterToken>().IsPresentedByAsync(context.Request, context.RequestAborted))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        var (path, query) = InvokePath.SplitQuery(raw);
        var method = path.Length > InvocationForwarder.InternalPrefix.Length ? path[InvocationForwarder.InternalPrefix.Length..] : "/";
        var identity = context.RequestServices.GetRequiredService<SidecarIdentity>();
        await context.RequestServices.GetRequiredService<AppInvoker>().InvokeAsync(context, method + query,
            [new(InvocationHeaders.CalleeAppId, identity.AppId)]);
    }
}
