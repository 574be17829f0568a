using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults;
using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AvatarStream.StreamService.Endpoints;

// The WebSocket at /: attempts per address are limited, credentials are checked before the upgrade, then the relay
// takes the socket.
public static class StreamSocketEndpoints
{
    public static IEndpointRouteBuilder MapStreamSocket(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", ConnectAsync).RequireRateLimiting(UpgradeRateLimit.Policy).ExcludeFromDescription();
        return app;
    }

    internal static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ConnectAsync(
        HttpContext context, RoomRegistry registry, TicketGate tickets, IOptions<StreamOptions> options, ILoggerFactory loggers)
    {
        // Before anything else: a foreign page must not learn whether a pair exists, let alone get a socket.
        if (!OriginCheck.Admits(context.Request, options.Value.AllowedOrigins))
        {
            StreamLog.SocketRefused(loggers.CreateLogger(typeof(StreamSocketEndpoints)), "origin not allowed");
            return OriginCheck.Refusal();
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            return TypedResults.Problem("Connect with a WebSocket upgrade.", statusCode: StatusCodes.Status400BadRequest, type: ProblemTypes.BadRequest);
        }

        if (!StreamCredentials.TryRead(context, out var credentials, out var refusal))
        {
            return Refuse(loggers, "missing or malformed credentials", refusal);
        }

        PendingConnection pending;
        if (credentials.Ticket is { } ticket)
        {
            var reading = await tickets.CheckAsync(ticket, context.RequestAborted);
            if (reading.Ticket is not { } grant)
            {
                return Refuse(loggers, TicketRefusals.LogReason(reading.Refusal), TicketRefusals.Detail(reading.Refusal));
            }

            pending = registry.JoinWithTicket(grant.RoomId, grant.Identity, credentials.Offered, credentials.Resume);
        }
        else
        {
            pending = registry.Resume(credentials.RoomId!, credentials.Resume!);
        }

        switch (pending.Status)
        {
            case JoinStatus.NotSeated when credentials.Ticket is null:
                return Refuse(loggers, "resume not recognised", "The resume is not (or no longer) recognised; ask join-room for a new ticket.");
            case JoinStatus.NotSeated:
                return Refuse(loggers, "seat not registered on this instance", "The ticket's seat is not on this instance.");
            case JoinStatus.KnockNeedsV2:
                return TypedResults.Problem(
                    "This seat joined without the room's key and must wait in the lobby, which only avatar-stream.v2 has.",
                    statusCode: StatusCodes.Status403Forbidden,
                    type: StreamProblemTypes.LobbyNeedsV2);
            case JoinStatus.Barred:
                return TypedResults.Problem("A host removed this client from the room.", statusCode: StatusCodes.Status403Forbidden, type: StreamProblemTypes.Barred);
            case JoinStatus.RoomEnded:
                return TypedResults.Problem("The room has ended.", statusCode: StatusCodes.Status410Gone, type: StreamProblemTypes.RoomEnded);
            case JoinStatus.Stopping:
                // Refused before the upgrade: the room moves with the drain, so the client asks join-room where it is now.
                return TypedResults.Problem(
                    "This instance is draining; ask join-room again.", statusCode: StatusCodes.Status503ServiceUnavailable, type: ProblemTypes.InstanceStopping);
            case JoinStatus.ProtocolMismatch:
                return TypedResults.Problem(
                    "This room speaks the other protocol version; one room speaks one protocol.", statusCode: StatusCodes.Status409Conflict, type: StreamProblemTypes.ProtocolMismatch);
        }

        if (credentials.RawProtocolEcho is { } echo)
        {
            context.Response.Headers.SecWebSocketProtocol = echo;
        }

        var subProtocol = pending.Protocol == RoomProtocol.V2 ? StreamProtocol.V2 : credentials.SubProtocol;
        await registry.RunAsync(pending, () => context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { SubProtocol = subProtocol }));
        return TypedResults.Empty;
    }

    // Refusals are rare, so the logger is looked up only for them; a static class cannot be ILogger<T>'s category.
    private static ProblemHttpResult Refuse(ILoggerFactory loggers, string reason, string detail)
    {
        StreamLog.SocketRefused(loggers.CreateLogger(typeof(StreamSocketEndpoints)), reason);
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, type: ProblemTypes.Unauthorized);
    }
}
