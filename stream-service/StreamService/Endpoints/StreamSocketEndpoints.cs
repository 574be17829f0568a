using AvatarStream.ServiceDefaults;
using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.RoomRouter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AvatarStream.StreamService.Endpoints;

// The WebSocket at /: credentials are checked before the upgrade, then the relay takes the socket.
public static class StreamSocketEndpoints
{
    public static IEndpointRouteBuilder MapStreamSocket(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", ConnectAsync).ExcludeFromDescription();
        return app;
    }

    internal static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ConnectAsync(
        HttpContext context, RoomRegistry registry, RoomRestore restore, ILoggerFactory loggers)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return TypedResults.Problem("Connect with a WebSocket upgrade.", statusCode: StatusCodes.Status400BadRequest, type: ProblemTypes.BadRequest);
        }

        if (!StreamCredentials.TryRead(context, out var credentials))
        {
            return Refuse(loggers, "missing or malformed credentials");
        }

        if (!registry.HasSeat(credentials.RoomId, credentials.ClientId) &&
            !await SeatedAfterRestoreAsync(registry, restore, credentials, context.RequestAborted))
        {
            return Refuse(loggers, "pair not registered on this instance");
        }

        if (credentials.RawProtocolEcho is { } echo)
        {
            context.Response.Headers.SecWebSocketProtocol = echo;
        }

        await registry.RunAsync(
            () => context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { SubProtocol = credentials.SubProtocol }),
            credentials.RoomId,
            credentials.ClientId);
        return TypedResults.Empty;
    }

    // Right after a restart the pair may be on its way back from the room router: wait for that, once.
    private static async Task<bool> SeatedAfterRestoreAsync(
        RoomRegistry registry, RoomRestore restore, StreamCredentials credentials, CancellationToken cancellationToken)
    {
        if (restore.IsDone)
        {
            return false;
        }

        await restore.WaitAsync(cancellationToken);
        return registry.HasSeat(credentials.RoomId, credentials.ClientId);
    }

    // Refusals are rare, so the logger is looked up only for them; a static class cannot be ILogger<T>'s category.
    private static ProblemHttpResult Refuse(ILoggerFactory loggers, string reason)
    {
        StreamLog.SocketRefused(loggers.CreateLogger(typeof(StreamSocketEndpoints)), reason);
        return TypedResults.Problem("Unknown room/client pair.", statusCode: StatusCodes.Status401Unauthorized, type: ProblemTypes.Unauthorized);
    }
}
