using System.Text.Json;
using AvatarStream.DevSidecar.App;
using AvatarStream.DevSidecar.Scheduling;

namespace AvatarStream.DevSidecar.Actors;

// Reminders: register (PUT/POST), read (GET) and remove (DELETE). Like daprd, only the sidecar of an app that hosts the
// type accepts them; they are stored under that app's id and fired by whichever of its sidecars owns the actor.
public static class ActorReminderEndpoint
{
    public static async Task RegisterAsync(HttpContext context, string actorType, string actorId, string name)
    {
        if (!Hosted(context, actorType))
        {
            await ActorErrors.ReminderNotHostedAsync(context);
            return;
        }

        if (await ScheduledRegistration.ReadAsync(context, ActorErrors.ReminderCreateAsync) is not { } registration)
        {
            return;
        }

        var (request, schedule, now) = registration;
        var reminder = new Reminder(actorType, actorId, name, request.Data, request.DueTime, request.Period, request.Ttl, now, schedule.FirstFire, 0);
        try
        {
            await Store(context).SaveAsync(AppId(context), reminder, context.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await ActorErrors.ReminderCreateAsync(context, e.Message);
            return;
        }

        context.RequestServices.GetRequiredService<ReminderScheduler>().Wake();
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public static async Task GetAsync(HttpContext context, string actorType, string actorId, string name)
    {
        if (!Hosted(context, actorType))
        {
            await ActorErrors.ReminderNotHostedAsync(context);
            return;
        }

        var reminder = await Store(context).GetAsync(AppId(context), actorType, actorId, name, context.RequestAborted);
        if (reminder is null)
        {
            await ActorErrors.ReminderGetAsync(context, $"reminder {name} not found");
            return;
        }

        // daprd leaves out empty fields.
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("actorID", actorId);
        json.WriteString("actorType", actorType);
        if (reminder.Data is { } data)
        {
            json.WritePropertyName("data");
            data.WriteTo(json);
        }

        WriteIfAny(json, "dueTime", reminder.DueTime);
        WriteIfAny(json, "period", reminder.Period);
        WriteIfAny(json, "ttl", reminder.Ttl);
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    public static async Task DeleteAsync(HttpContext context, string actorType, string actorId, string name)
    {
        if (!Hosted(context, actorType))
        {
            await ActorErrors.ReminderNotHostedAsync(context);
            return;
        }

        try
        {
            await Store(context).DeleteAsync(AppId(context), actorType, actorId, name, context.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await ActorErrors.ReminderDeleteAsync(context, e.Message);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static void WriteIfAny(Utf8JsonWriter json, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            json.WriteString(name, value);
        }
    }

    private static bool Hosted(HttpContext context, string actorType) =>
        context.RequestServices.GetRequiredService<AppRegistrar>().Config.Hosts(actorType);

    private static ReminderStore Store(HttpContext context) => context.RequestServices.GetRequiredService<ReminderStore>();

    private static string AppId(HttpContext context) => context.RequestServices.GetRequiredService<SidecarIdentity>().AppId;
}
