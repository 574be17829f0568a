using System.Text.Json;
using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults.InternalAuth;
using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.RoomRouter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AvatarStream.StreamService.Endpoints;

// POST /register: the room router seats a client in a room on this instance.
public static class RegisterEndpoints
{
    public static IEndpointRouteBuilder MapRegister(this IEndpointRouteBuilder app)
    {
        app.MapPost(InternalRoutes.Register, RegisterAsync).AddEndpointFilter<InternalTokenFilter>().ExcludeFromDescription();
        return app;
    }

    internal static async Task<Results<Ok, ProblemHttpResult>> RegisterAsync(
        HttpContext context, RoomRegistry registry, Placement placement, CancellationToken cancellationToken)
    {
        RegisterRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<RegisterRequest>(context.Request.Body, ContractJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return SeatRequests.BadRequest("The body is not a JSON object {room_id, client_id}.");
        }

        if (request is null || !Identifiers.IsRoomId(request.RoomId) || !Identifiers.IsClientId(request.ClientId))
        {
            return SeatRequests.BadRequest("room_id must be 1 to 5 digits and client_id a UUID.");
        }

        if (SeatRequests.Profile(request.Role, request.Name, request.Knock, out var error) is not { } profile)
        {
            return SeatRequests.BadRequest(error);
        }

        if (registry.IsStopping)
        {
            return SeatRequests.Stopping();
        }

        var outcome = RegisterOutcome.Stopping;
        if (!placement.TrySeat(request.Era, () => outcome = registry.Register(request.RoomId, request.ClientId, profile, SeatRequests.Setup(request.Settings))))
        {
            return SeatRequests.StalePlacement(placement.Era);
        }

        return outcome == RegisterOutcome.Stopping ? SeatRequests.Stopping() : TypedResults.Ok();
    }
}
