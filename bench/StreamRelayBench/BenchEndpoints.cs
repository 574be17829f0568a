using AvatarStream.StreamService.Core;
using Microsoft.AspNetCore.WebUtilities;

namespace AvatarStream.StreamRelayBench;

// /health and the WebSocket at /, seating any pair from the query. Written against the raw
// request so that an idle socket keeps no parsed-query or request-scope objects alive.
internal sealed class BenchEndpoints(RoomRegistry registry)
{
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

        registry.Register(roomId, clientId);
        await registry.RunAsync(context.WebSockets.AcceptWebSocketAsync, roomId, clientId);
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
