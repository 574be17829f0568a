using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults;
using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.RoomRouter;
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
        HttpContext context, RoomRegistry registry, RoomRestore restore, IOptions<StreamOptions> options, ILoggerFactory loggers)
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

        if (!StreamCredentials.TryRead(context, out var credentials))
        {
            return Refuse(loggers, "missing or malformed credentials");
        }

        var pending = Join(registry, credentials);
        if (pending.Status == JoinStatus.NotSeated && !restore.IsDone)
        {
            // Right after a restart the pair may be on its way back from the room router: wait for that, once.
            await restore.WaitAsync(context.RequestAborted);
            pending = Join(registry, credentials);
        }

        switch (pending.Status)
        {
            case JoinStatus.NotSeated:
                return Refuse(loggers, "pair not registered on this instance");
            case JoinStatus.Barred:
                return TypedResults.Problem("A host removed this client from the room.", statusCode: StatusCodes.Status403Forbidden, type: StreamProblemTypes.Barred);
            case JoinStatus.RoomEnded:
                return TypedResults.Problem("The room has ended.", statusCode: StatusCodes.Status410Gone, type: StreamProblemTypes.RoomEnded);
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

    private static PendingConnection Join(RoomRegistry registry, StreamCredentials credentials) =>
        registry.Join(credentials.RoomId, credentials.ClientId, credentials.Offered, credentials.Resume);

    // Refusals are rare, so the logger is looked up only for them; a static class cannot be ILogger<T>'s category.
    private static ProblemHttpResult Refuse(ILoggerFactory loggers, string reason)
    {
        StreamLog.SocketRefused(loggers.CreateLogger(typeof(StreamSocketEndpoints)), reason);
        return TypedResults.Problem("Unknown room/client pair.", statusCode: StatusCodes.Status401Unauthorized, type: ProblemTypes.Unauthorized);
    }
}
