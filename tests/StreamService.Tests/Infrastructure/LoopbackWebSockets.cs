using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace AvatarStream.StreamService.Tests.Infrastructure;

// A server/client WebSocket pair over a loopback TCP connection, with no HTTP in between.
internal static class LoopbackWebSockets
{
    public static async Task<(WebSocket Server, WebSocket Client)> CreatePairAsync()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var accepting = listener.AcceptAsync();
        await client.ConnectAsync(listener.LocalEndPoint!);
        var server = await accepting;
        return (
            WebSocket.CreateFromStream(new NetworkStream(server, ownsSocket: true), new WebSocketCreationOptions { IsServer = true }),
            WebSocket.CreateFromStream(new NetworkStream(client, ownsSocket: true), new WebSocketCreationOptions { IsServer = false }));
    }
}
