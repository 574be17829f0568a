using AvatarStream.DevSidecar.App;
using AvatarStream.DevSidecar.Scheduling;

namespace AvatarStream.DevSidecar.Actors;

// Timers: register (PUT/POST) and remove (DELETE). They live in this sidecar's memory and fire on its app.
public static class ActorTimerEndpoint
{
    public static async Task RegisterAsync(HttpContext context, string actorType, string actorId, string name)
    {
        if (!context.RequestServices.GetRequiredService<AppRegistrar>().Config.Hosts(actorType))
        {
            await ActorErrors.TimerCreateAsync(context, $"actor type {actorType} is not hosted by this app");
            return;
        }

        if (await ScheduledRegistration.ReadAsync(context, ActorErrors.TimerCreateAsync) is not { } registration)
        {
            return;
        }

        var (request, schedule, _) = registration;
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
