using System.Text.Json;
using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults;
using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AvatarStream.StreamService.Endpoints;

/// <summary><c>POST /register</c>: the room router admits a client to a room on this instance.</summary>
public static class RegisterEndpoints
{
    public static IEndpointRouteBuilder MapRegister(this IEndpointRouteBuilder app)
    {
        app.MapPost("/register", RegisterAsync).ExcludeFromDescription();
        return app;
    }

    internal static async Task<Results<Ok, ProblemHttpResult>> RegisterAsync(
        HttpContext context, IInternalTokenSource tokens, RoomRegistry registry, ILogger<RoomRegistry> logger, CancellationToken cancellationToken)
    {
        string token;
        try
        {
            token = await tokens.GetTokenAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.TokenUnavailable(exception);
            return TypedResults.Problem("The internal token is not available yet.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (!InternalCallAuthorization.IsAuthorized(context.Request.Headers.Authorization, token))
        {
            return TypedResults.Problem("Missing or wrong internal token.", statusCode: StatusCodes.Status401Unauthorized, type: ProblemTypes.Unauthorized);
        }

        RegisterRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<RegisterRequest>(context.Request.Body, ContractJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return BadRequest("The body is not a JSON object {room_id, client_id}.");
        }

        if (request is null || !Identifiers.IsValid(request.RoomId) || !Identifiers.IsValid(request.ClientId))
        {
            return BadRequest($"room_id and client_id must be 1 to {Identifiers.MaxLength} letters, digits, '-' or '_'.");
        }

        if (registry.Register(request.RoomId, request.ClientId) == RegisterOutcome.Stopping)
        {
            return TypedResults.Problem("This instance is shutting down.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Ok();
    }

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, type: ProblemTypes.BadRequest);
}
