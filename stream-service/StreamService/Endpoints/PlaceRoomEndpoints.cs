using System.Text.Json;
using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults.InternalAuth;
using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.Core.V2;
using AvatarStream.StreamService.RoomRouter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AvatarStream.StreamService.Endpoints;

// POST /place-room: the room router moves a room here with every seat it holds. Each seat is registered as by /register
// (idempotent), so a client that never comes back is removed after the claim timeout and the router frees its seat.
public static class PlaceRoomEndpoints
{
    // Far above any real room; bounds the work one call can ask for.
    internal const int MaxClients = 10_000;

    public static IEndpointRouteBuilder MapPlaceRoom(this IEndpointRouteBuilder app)
    {
        app.MapPost(InternalRoutes.PlaceRoom, PlaceRoomAsync).AddEndpointFilter<InternalTokenFilter>().ExcludeFromDescription();
        return app;
    }

    internal static async Task<Results<Ok, ProblemHttpResult>> PlaceRoomAsync(
        HttpContext context, RoomRegistry registry, Placement placement, CancellationToken cancellationToken)
    {
        PlaceRoomRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<PlaceRoomRequest>(context.Request.Body, ContractJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return SeatRequests.BadRequest("The body is not a JSON object {room_id, era, clients, settings}.");
        }

        if (request is null || !Identifiers.IsRoomId(request.RoomId) || request.Clients is null)
        {
            return SeatRequests.BadRequest("room_id must be 1 to 5 digits and clients a list.");
        }

        if (request.Clients.Count > MaxClients)
        {
            return SeatRequests.BadRequest($"A room holds at most {MaxClients} clients.");
        }

        var seats = new List<(string ClientId, MemberProfile Profile)>(request.Clients.Count);
        foreach (var client in request.Clients)
        {
            if (client is null || !Identifiers.IsClientId(client.ClientId))
            {
                return SeatRequests.BadRequest("Each client needs a client_id that is a UUID.");
            }

            if (SeatRequests.Profile(client.Role, client.Name, client.Knock, out var error) is not { } profile)
            {
                return SeatRequests.BadRequest(error);
            }

            seats.Add((client.ClientId, profile));
        }

        if (registry.IsStopping)
        {
            return SeatRequests.Stopping();
        }

        var setup = SeatRequests.Setup(request.Settings);
        var stopping = false;
        var placed = placement.TrySeat(request.Era, () =>
        {
            foreach (var (clientId, profile) in seats)
            {
                stopping |= registry.Register(request.RoomId, clientId, profile, setup) == RegisterOutcome.Stopping;
            }
        });
        if (!placed)
        {
            return SeatRequests.StalePlacement(placement.Era);
        }

        return stopping ? SeatRequests.Stopping() : TypedResults.Ok();
    }
}
