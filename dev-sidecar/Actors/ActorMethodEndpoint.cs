using System.Text;
using AvatarStream.DevSidecar.App;
using AvatarStream.DevSidecar.Discovery;

namespace AvatarStream.DevSidecar.Actors;

// /v1.0/actors/{type}/{id}/method/{method}: the caller's sidecar finds the actor's owner and either runs the
// turn on its own app or forwards the call to the owner's sidecar, whose answer it passes on unchanged.
public static class ActorMethodEndpoint
{
    public const string InternalPrefix = "/_devsidecar/actors";

    public static async Task InvokeAsync(HttpContext context, string actorType, string actorId, string method)
    {
        var router = context.RequestServices.GetRequiredService<ActorRouter>();
        var owner = await router.OwnerOfAsync(actorType, actorId, context.RequestAborted);
        if (owner is null)
        {
            await ActorErrors.InvokeAsync(context, $"did not find address for actor {actorType}/{actorId}");
        }
        else if (router.IsSelf(owner))
        {
            await RunHereAsync(context, actorType, actorId, method);
        }
        else
        {
            await ForwardAsync(context, owner, actorType, actorId, method);
        }
    }

    // The owner's side, reached from a peer sidecar with the cluster token.
    public static async Task InvokeFromPeerAsync(HttpContext context, string actorType, string actorId, string method)
    {
        if (!await context.RequestServices.GetRequiredService<ClusterToken>().IsPresentedByAsync(context.Request, context.RequestAborted))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        await RunHereAsync(context, actorType, actorId, method);
    }

    private static async Task RunHereAsync(HttpContext context, string actorType, string actorId, string method)
    {
        var body = await RequestBody.ReadAllAsync(context.Request, context.RequestAborted);
        var headers = context.Request.Headers
            .Where(h => ProxyHeaders.IsForwardable(h.Key))
            .Select(h => KeyValuePair.Create(h.Key, h.Value.Where(v => v is not null).Select(v => v!).ToArray()))
            .ToArray();
        var reentrancyId = context.Request.Headers[ActorInvoker.ReentrancyHeader].FirstOrDefault();
        var call = new ActorCall(actorType, actorId, HttpMethod.Put, "method/" + Uri.EscapeDataString(method), body, headers, reentrancyId);

        ActorAppResponse response;
        try
        {
            response = await context.RequestServices.GetRequiredService<ActorInvoker>().CallAsync(call, context.RequestAborted);
        }
        catch (Exception e) when (e is HttpRequestException or ActorStackDepthExceededException)
        {
            await ActorErrors.InvokeAsync(context, e.Message);
            return;
        }

        if (response.Status != StatusCodes.Status200OK)
        {
            await ActorErrors.InvokeAsync(context, $"error from actor service: ({response.Status}) {Encoding.UTF8.GetString(response.Body)}");
            return;
        }

        // 200 passes through whole, including X-DaprErrorResponseHeader (a remoting exception travels as a 200).
        context.Response.StatusCode = response.Status;
        foreach (var (name, values) in response.Headers)
        {
            if (ProxyHeaders.IsForwardable(name))
            {
                context.Response.Headers[name] = values;
            }
        }

        context.Response.ContentLength = response.Body.Length;
        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
    }

    private static async Task ForwardAsync(HttpContext context, AppRegistration owner, string actorType, string actorId, string method)
    {
        var peers = context.RequestServices.GetRequiredService<PeerChannel>();
        var path = $"{InternalPrefix}/{Uri.EscapeDataString(actorType)}/{Uri.EscapeDataString(actorId)}/method/{Uri.EscapeDataString(method)}";

        // Not disposed here: its content wraps the incoming request body, which belongs to Kestrel.
        var request = await peers.CreateRequestAsync(HttpMethod.Put, owner.SidecarHttp, path, context.RequestAborted);
        ProxyHeaders.CopyRequest(context.Request, request);
        try
        {
            using var response = await peers.SendAsync(request, context.RequestAborted);
            await ProxyHeaders.CopyResponseAsync(response, context.Response, context.RequestAborted);
        }
        catch (HttpRequestException e) when (!context.Response.HasStarted)
        {
            await ActorErrors.InvokeAsync(context, $"failed to reach the sidecar of {owner.AppId} at {owner.SidecarHttp}: {e.Message}");
        }
    }
}
