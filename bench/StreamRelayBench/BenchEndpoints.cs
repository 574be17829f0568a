using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.Core.V2;
using Microsoft.AspNetCore.WebUtilities;

namespace AvatarStream.StreamRelayBench;

// /health and the WebSocket at /, seating any pair from the query. Written against the raw
// request so that an idle socket keeps no parsed-query or request-scope objects alive.
// A socket that offers avatar-stream.v2 joins as v2; the client that creates a room is its host.
internal sealed class BenchEndpoints(RoomRegistry registry)
{
    private const string V2Protocol = "avatar-stream.v2";
    private static readonly MemberProfile Host = new(IsHost: true, "Host");

    public async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path == "/health")
        {
            await context.Response.WriteAsync("Healthy.");
            return;
        }

        var (roomId, clientId) = ReadPair(context.Request.QueryString.Value);
        if (context.Request.Path != "/" || !context.WebSockets.IsWebSocketRequest || roomId is null || clientId is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (!context.WebSockets.WebSocketRequestedProtocols.Contains(V2Protocol))
        {
            registry.Register(roomId, clientId);
            await registry.RunAsync(context.WebSockets.AcceptWebSocketAsync, roomId, clientId);
            return;
        }

        if (registry.Register(roomId, clientId) == RegisterOutcome.RoomCreated)
        {
            // A repeated register updates the profile; the room's creator is known only after the first.
            registry.Register(roomId, clientId, Host);
        }

        var pending = registry.Join(roomId, clientId, RoomProtocol.V2);
        if (pending.Status is not (JoinStatus.Joined or JoinStatus.Stopping))
        {
            // The room speaks v1 (409), or it ended or barred the client: refused before the upgrade.
            context.Response.StatusCode = pending.Status == JoinStatus.ProtocolMismatch ? StatusCodes.Status409Conflict : StatusCodes.Status403Forbidden;
            return;
        }

        await registry.RunAsync(pending, () => context.WebSockets.AcceptWebSocketAsync(V2Protocol));
    }

    private static (string? RoomId, string? ClientId) ReadPair(string? query)
    {
        string? roomId = null, clientId = null;
        foreach (var pair in new QueryStringEnumerable(query))
        {
            if (pair.EncodedName.Span.SequenceEqual("room_id"))
            {
                roomId = pair.DecodeValue().ToString();
            }
            else if (pair.EncodedName.Span.SequenceEqual("client_id"))
            {
                clientId = pair.DecodeValue().ToString();
            }
        }

        return (string.IsNullOrEmpty(roomId) ? null : roomId, string.IsNullOrEmpty(clientId) ? null : clientId);
    }
}
