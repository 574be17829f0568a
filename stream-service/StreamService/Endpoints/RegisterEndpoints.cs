using System.Text.Json;
using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults;
using AvatarStream.ServiceDefaults.InternalAuth;
using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.Core.V2;
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
        HttpContext context, RoomRegistry registry, CancellationToken cancellationToken)
    {
        RegisterRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<RegisterRequest>(context.Request.Body, ContractJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return BadRequest("The body is not a JSON object {room_id, client_id}.");
        }

        if (request is null || !Identifiers.IsRoomId(request.RoomId) || !Identifiers.IsClientId(request.ClientId))
        {
            return BadRequest("room_id must be 1 to 5 digits and client_id a UUID.");
        }

        if (request.Role is not null && !RoomRoles.IsKnown(request.Role))
        {
            return BadRequest("role must be \"host\" or \"guest\".");
        }

        var name = request.Name is null ? MemberNames.Default : MemberNames.Normalize(request.Name);
        if (name is null)
        {
            return BadRequest($"name must be 1 to {MemberNames.MaxLength} characters without control characters.");
        }

        var profile = new MemberProfile(request.Role == RoomRoles.Host, name, request.Knock);
        var setup = request.Settings is { } settings ? new RoomSetup(settings.Lobby, settings.JoinClosesAt) : null;
        if (registry.Register(request.RoomId, request.ClientId, profile, setup) == RegisterOutcome.Stopping)
        {
            return TypedResults.Problem("This instance is shutting down.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Ok();
    }

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, type: ProblemTypes.BadRequest);
}
