using AvatarStream.DevSidecar.App;
using AvatarStream.DevSidecar.Hosting;
using AvatarStream.DevSidecar.State;

namespace AvatarStream.DevSidecar.Actors;

// Actor state: GET one key (200 raw JSON, 204 when missing) and transactional PUT/POST (the SDK sends text/plain).
public static class ActorStateEndpoint
{
    public static async Task GetAsync(HttpContext context, string actorType, string actorId, string key)
    {
        StateEntry? entry;
        try
        {
            var appId = await context.RequestServices.GetRequiredService<ActorRouter>().KeyAppIdAsync(actorType, context.RequestAborted);
            entry = await context.RequestServices.GetRequiredService<ActorStateStore>().GetAsync(appId, actorType, actorId, key, context.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await ActorErrors.StateGetAsync(context, e.Message);
            return;
        }

        if (entry is null)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        if (entry.ExpiresAt is { } expires)
        {
            context.Response.Headers["metadata." + StateMetadata.TtlExpireTime] = StateMetadata.FormatExpireTime(expires);
        }

        context.Response.ContentLength = entry.Value.Length;
        await context.Response.Body.WriteAsync(entry.Value, context.RequestAborted);
    }

    public static async Task TransactAsync(HttpContext context, string actorType, string actorId)
    {
        var body = await RequestBody.ReadAllAsync(context.Request, context.RequestAborted);
        var ttlEnabled = context.RequestServices.GetRequiredService<SidecarOptions>().Features.Contains(ActorStateTransaction.TtlFeature);
        if (!ActorStateTransaction.TryParse(body, ttlEnabled, out var operations, out var error, out var malformed))
        {
            await (malformed ? ActorErrors.MalformedAsync(context, error) : ActorErrors.StateSaveAsync(context, error));
            return;
        }

        try
        {
            var appId = await context.RequestServices.GetRequiredService<ActorRouter>().KeyAppIdAsync(actorType, context.RequestAborted);
            await context.RequestServices.GetRequiredService<ActorStateStore>().ApplyAsync(appId, actorType, actorId, operations, context.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await ActorErrors.StateSaveAsync(context, e.Message);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
