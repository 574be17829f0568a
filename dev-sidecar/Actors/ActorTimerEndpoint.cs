using AvatarStream.DevSidecar.App;
using AvatarStream.DevSidecar.Scheduling;

namespace AvatarStream.DevSidecar.Actors;

/// <summary>Timers: register (PUT/POST) and remove (DELETE). They live in this sidecar's memory and fire on its app.</summary>
public static class ActorTimerEndpoint
{
    public static async Task RegisterAsync(HttpContext context, string actorType, string actorId, string name)
    {
        if (!context.RequestServices.GetRequiredService<AppRegistrar>().Config.Hosts(actorType))
        {
            await ActorErrors.TimerCreateAsync(context, $"actor type {actorType} is not hosted by this app");
            return;
        }

        var body = await RequestBody.ReadAllAsync(context.Request, context.RequestAborted);
        if (!ScheduleRequest.TryParse(body, out var request, out var error))
        {
            await ActorErrors.MalformedAsync(context, error);
            return;
        }

        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!ActorSchedule.TryCreate(request.DueTime, request.Period, request.Ttl, now, out var schedule, out error))
        {
            await ActorErrors.TimerCreateAsync(context, error);
            return;
        }

        var fire = new TimerFire(request.Callback, request.Data, request.DueTime, request.Period);
        context.RequestServices.GetRequiredService<ActorTimers>().Register(actorType, actorId, name, fire, schedule);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public static void Delete(HttpContext context, string actorType, string actorId, string name)
    {
        context.RequestServices.GetRequiredService<ActorTimers>().Unregister(actorType, actorId, name);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
