using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using AvatarStream.Client;
using AvatarStream.Contracts;

namespace AvatarStream.EndToEnd.Tests.Logs;

// A v1 socket opened with each of the three credential forms, and the v1 relay's text frames, with bounded waits.
internal static class V1Sockets
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public static async Task<WebSocket> ByQueryAsync(string streamUrl, string ticket)
    {
        var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(new Uri($"{streamUrl}?ticket={Uri.EscapeDataString(ticket)}"), timeout.Token);
        return socket;
    }

    // Returns the auth subprotocol it offered: a credential too, only encoded.
    public static async Task<(WebSocket Socket, string Auth)> BySubprotocolAsync(string streamUrl, string ticket)
    {
        var auth = StreamAuth.Encode(new StreamCredentials(ticket));
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(StreamProtocol.V1);
        socket.Options.AddSubProtocol(auth);
        using var timeout = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(new Uri(streamUrl), timeout.Token);
        return (socket, auth);
    }

    // The seed's raw header, {ticket: ..}, which ClientWebSocket cannot send: a handshake by hand.
    public static async Task<WebSocket> BySeedHeaderAsync(string streamUrl, string ticket)
    {
        var uri = new Uri(streamUrl);
        var tcp = new TcpClient();
        using var timeout = new CancellationTokenSource(Patience);
        await tcp.ConnectAsync(IPAddress.Loopback, uri.Port, timeout.Token);
        var stream = tcp.GetStream();
        var key = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        var request = $"GET / HTTP/1.1\r\nHost: {uri.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: {{ticket: {ticket}}}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), timeout.Token);

        // Byte by byte up to the blank line, so no frame is read with the headers.
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            Assert.Equal(1, await stream.ReadAsync(one, timeout.Token));
            head.Append((char)one[0]);
        }

        Assert.StartsWith("HTTP/1.1 101", head.ToString(), StringComparison.Ordinal);
        return WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = false });
    }

    public static async Task SendTextAsync(WebSocket socket, string text)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
    }

    public static async Task<string> ReceiveTextAsync(WebSocket socket)
    {
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(Patience);
        var result = await socket.ReceiveAsync(buffer, timeout.Token);
        return Encoding.UTF8.GetString(buffer, 0, result.Count);
    }

    // The status a refused handshake answered.
    public static async Task<HttpStatusCode> RefusedStatusAsync(Uri uri)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        using var timeout = new CancellationTokenSource(Patience);
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(uri, timeout.Token));
        return socket.HttpStatusCode;
    }
}
