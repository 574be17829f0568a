using System.Runtime.InteropServices;
using System.Text.Json;
using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults.InternalAuth;
using AvatarStream.StreamService.Core;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AvatarStream.StreamService.Endpoints;

// POST /notify: the room router sends a v2 message (recording_ready, ...) to some members of a room on this instance;
// those not connected here are skipped.
public static class NotifyEndpoints
{
    // Far above any real room; bounds the work one call can ask for.
    internal const int MaxClients = 10_000;

    // A v2 control message's limit.
    internal const int MaxMessageBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapNotify(this IEndpointRouteBuilder app)
    {
        app.MapPost(InternalRoutes.Notify, NotifyAsync).AddEndpointFilter<InternalTokenFilter>().ExcludeFromDescription();
        return app;
    }

    internal static async Task<Results<Ok<NotifyReport>, ProblemHttpResult>> NotifyAsync(
        HttpContext context, RoomRegistry registry, CancellationToken cancellationToken)
    {
        NotifyRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<NotifyRequest>(context.Request.Body, ContractJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return SeatRequests.BadRequest("The body is not a JSON object {room_id, client_ids, message}.");
        }

        if (request is null || !Identifiers.IsRoomId(request.RoomId) || request.ClientIds is null)
        {
            return SeatRequests.BadRequest("room_id must be 1 to 5 digits and client_ids a list.");
        }

        if (request.ClientIds.Count > MaxClients)
        {
            return SeatRequests.BadRequest($"At most {MaxClients} client ids.");
        }

        if (!request.ClientIds.All(Identifiers.IsClientId))
        {
            return SeatRequests.BadRequest("Each client id must be a UUID.");
        }

        var message = request.Message;
        if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("type"u8, out var type) || type.ValueKind != JsonValueKind.String)
        {
            return SeatRequests.BadRequest("message must be a JSON object with a string \"type\".");
        }

        var utf8Json = JsonMarshal.GetRawUtf8Value(message);
        if (utf8Json.Length > MaxMessageBytes)
        {
            return SeatRequests.BadRequest($"message must be at most {MaxMessageBytes} bytes.");
        }

        var delivered = registry.Notify(request.RoomId, request.ClientIds.Distinct(StringComparer.Ordinal), utf8Json);
        return TypedResults.Ok(new NotifyReport(delivered));
    }
}
