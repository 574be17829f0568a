namespace AvatarStream.DevSidecar.Actors;

// The actor routes of dapr-contract §5.1 (with daprd's extra verbs) and the owner-side internal route.
public static class ActorEndpoints
{
    private const string Actor = "/v1.0/actors/{actorType}/{actorId}";

    public static IEndpointRouteBuilder MapActorRoutes(this IEndpointRouteBuilder app)
    {
        app.MapMethods(Actor + "/method/{method}", ["GET", "POST", "PUT", "DELETE"], ActorMethodEndpoint.InvokeAsync);
        app.MapMethods(Actor + "/state", ["PUT", "POST"], ActorStateEndpoint.TransactAsync);
        app.MapGet(Actor + "/state/{key}", ActorStateEndpoint.GetAsync);
        app.MapMethods(Actor + "/reminders/{name}", ["PUT", "POST"], ActorReminderEndpoint.RegisterAsync);
        app.MapGet(Actor + "/reminders/{name}", ActorReminderEndpoint.GetAsync);
        app.MapDelete(Actor + "/reminders/{name}", ActorReminderEndpoint.DeleteAsync);
        app.MapMethods(Actor + "/timers/{name}", ["PUT", "POST"], ActorTimerEndpoint.RegisterAsync);
        app.MapDelete(Actor + "/timers/{name}", ActorTimerEndpoint.Delete);

        // Sidecars authenticate each other with the cluster token, not the app's dapr-api-token.
        app.MapPut(ActorMethodEndpoint.InternalPrefix + "/{actorType}/{actorId}/method/{method}", ActorMethodEndpoint.InvokeFromPeerAsync)
            .AllowAnonymous();
        return app;
    }
}
