using System.Net;
using System.Net.WebSockets;

namespace AvatarStream.StreamService.Tests.Infrastructure;

public static class Handshakes
{
    // The HTTP status of a WebSocket handshake the server refuses.
    public static async Task<HttpStatusCode> RefusalAsync(Uri uri, Action<ClientWebSocketOptions>? configure = null)
    {
        using var client = new ClientWebSocket();
        client.Options.CollectHttpResponseDetails = true;
        configure?.Invoke(client.Options);
        using var cts = new CancellationTokenSource(TestSocket.DefaultTimeout);
        await Assert.ThrowsAsync<WebSocketException>(() => client.ConnectAsync(uri, cts.Token));
        return client.HttpStatusCode;
    }
}
