using AvatarStream.Contracts;

namespace AvatarStream.IpUpdater.Sweep;

public static class SweepEndpoints
{
    // The cron input binding posts here with an empty body (so no body parameter: binding one would answer 400).
    // Answering 2xx tells the sidecar the trigger was handled.
    public static IEndpointRouteBuilder MapInstanceSweep(this IEndpointRouteBuilder app)
    {
        app.MapPost("/" + DaprNames.InstanceSweepBinding, async (InstanceSweeper sweeper, CancellationToken cancellationToken) =>
            TypedResults.Ok(await sweeper.SweepAsync(cancellationToken)));
        return app;
    }
}
