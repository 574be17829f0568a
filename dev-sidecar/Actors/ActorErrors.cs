using AvatarStream.DevSidecar.App;

namespace AvatarStream.DevSidecar.Actors;

// daprd's actor API errors (dapr-contract §5.4), with its codes and message prefixes.
public static class ActorErrors
{
    public static Task InvokeAsync(HttpContext context, string reason) =>
        Write(context, 500, "ERR_ACTOR_INVOKE_METHOD", "error invoke actor method: " + reason);

    public static Task MalformedAsync(HttpContext context, string reason) =>
        Write(context, 400, "ERR_MALFORMED_REQUEST", "failed deserializing HTTP body: " + reason);

    public static Task StateGetAsync(HttpContext context, string reason) =>
        Write(context, 500, "ERR_ACTOR_STATE_GET", "error getting actor state: " + reason);

    public static Task StateSaveAsync(HttpContext context, string reason) =>
        Write(context, 500, "ERR_ACTOR_STATE_TRANSACTION_SAVE", "error saving actor transaction state: " + reason);

    public static Task ReminderCreateAsync(HttpContext context, string reason) =>
        Write(context, 500, "ERR_ACTOR_REMINDER_CREATE", "error creating actor reminder: " + reason);

    public static Task ReminderGetAsync(HttpContext context, string reason) =>
        Write(context, 500, "ERR_ACTOR_REMINDER_GET", "error getting actor reminder: " + reason);

    public static Task ReminderDeleteAsync(HttpContext context, string reason) =>
        Write(context, 500, "ERR_ACTOR_REMINDER_DELETE", "error deleting actor reminder: " + reason);

    public static Task ReminderNotHostedAsync(HttpContext context) =>
        Write(context, 403, "ERR_ACTOR_REMINDER_NON_HOSTED", "operations on actor reminders are only possible on hosted actor types");

    public static Task TimerCreateAsync(HttpContext context, string reason) =>
        Write(context, 500, "ERR_ACTOR_TIMER_CREATE", "error creating actor timer: " + reason);

    private static Task Write(HttpContext context, int status, string code, string message) =>
        DaprErrorResponse.WriteAsync(context.Response, status, code, message, context.RequestAborted);
}
