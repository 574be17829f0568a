using AvatarStream.DevSidecar.App;
using AvatarStream.DevSidecar.Scheduling;

namespace AvatarStream.DevSidecar.Actors;

// A reminder's or timer's registration body, parsed, with the schedule it describes from now.
public sealed record ScheduledRegistration(ScheduleRequest Request, ActorSchedule Schedule, DateTimeOffset Now)
{
    // Reads and checks a registration; on a problem it answers the request itself (400 for a malformed body,
    // scheduleError for times daprd would refuse) and returns null.
    public static async Task<ScheduledRegistration?> ReadAsync(HttpContext context, Func<HttpContext, string, Task> scheduleError)
    {
        var body = await RequestBody.ReadAllAsync(context.Request, context.RequestAborted);
        if (!ScheduleRequest.TryParse(body, out var request, out var error))
        {
            await ActorErrors.MalformedAsync(context, error);
            return null;
        }

        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!ActorSchedule.TryCreate(request.DueTime, request.Period, request.Ttl, now, out var schedule, out error))
        {
            await scheduleError(context, error);
            return null;
        }

        return new ScheduledRegistration(request, schedule, now);
    }
}
