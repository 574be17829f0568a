using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults.InternalAuth;
using AvatarStream.StreamService.RoomRouter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AvatarStream.StreamService.Endpoints;

// POST /drain: drains this instance without stopping the process (operators, tests) and says what it let go.
public static class DrainEndpoints
{
    public static IEndpointRouteBuilder MapDrain(this IEndpointRouteBuilder app)
    {
        app.MapPost(InternalRoutes.Drain, DrainAsync).AddEndpointFilter<InternalTokenFilter>().ExcludeFromDescription();
        return app;
    }

    internal static async Task<Ok<DrainReport>> DrainAsync(InstanceDrain drain) => TypedResults.Ok(await drain.DrainAsync());
}
