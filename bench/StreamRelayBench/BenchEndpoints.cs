using System.Net.WebSockets;
using AvatarStream.StreamService.Core;

namespace AvatarStream.StreamRelayBench;

internal static class BenchEndpoints
{
    public static async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path == "/health")
        {
            await context.Response.WriteAsync("Healthy.");
            return;
        }

        if (context.Request.Path == "/gc")
        {
            var before = GC.GetTotalMemory(false);
            var after = GC.GetTotalMemory(true);
            var info = GC.GetGCMemoryInfo();
            await context.Response.WriteAsync($"before={before} after={after} heap={info.HeapSizeBytes} committed={info.TotalCommittedBytes} frag={info.FragmentedBytes} ws={Environment.WorkingSet}\n");
            return;
        }

        var roomId = context.Request.Query["room_id"].ToString();
        var clientId = context.Request.Query["client_id"].ToString();
        if (context.Request.Path != "/" || !context.WebSockets.IsWebSocketRequest || roomId.Length == 0 || clientId.Length == 0)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var registry = context.RequestServices.GetRequiredService<RoomRegistry>();
        registry.Register(roomId, clientId);
        WebSocket? socket = null;
        try
        {
            await registry.RunAsync(async () => socket = await context.WebSockets.AcceptWebSocketAsync(), roomId, clientId);
        }
        finally
        {
            socket?.Dispose();
        }
    }
}
