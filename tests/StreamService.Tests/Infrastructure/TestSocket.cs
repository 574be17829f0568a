using System.Buffers;
using System.Net.WebSockets;

namespace AvatarStream.StreamService.Tests.Infrastructure;

// A test client: whole messages in and out, every wait bounded.
public sealed class TestSocket(WebSocket socket, string clientId) : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public WebSocket Socket => socket;

    public string ClientId => clientId;

    public static async Task<TestSocket> ConnectAsync(Uri uri, string clientId, Action<ClientWebSocketOptions>? configure = null)
    {
        var client = new ClientWebSocket();
        configure?.Invoke(client.Options);
        using var cts = new CancellationTokenSource(DefaultTimeout);
        await client.ConnectAsync(uri, cts.Token);
        return new TestSocket(client, clientId);
    }

    public async Task SendAsync(byte[] payload, WebSocketMessageType type = WebSocketMessageType.Binary)
    {
        using var cts = new CancellationTokenSource(DefaultTimeout);
        await socket.SendAsync(payload, type, endOfMessage: true, cts.Token);
    }

    public Task SendTextAsync(string text) => SendAsync(System.Text.Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    // The next whole message (a close arrives as type Close with no bytes).
    public async Task<(WebSocketMessageType Type, byte[] Payload)> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(64 * 1024), cts.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (WebSocketMessageType.Close, []);
            }

            buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return (result.MessageType, buffer.WrittenSpan.ToArray());
            }
        }
    }

    // Reads until the server's close frame and returns its status.
    public async Task<WebSocketCloseStatus?> ReceiveCloseAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            var (type, _) = await ReceiveAsync(timeout);
            if (type == WebSocketMessageType.Close)
            {
                return socket.CloseStatus;
            }
        }
    }

    public async Task CloseAsync()
    {
        using var cts = new CancellationTokenSource(DefaultTimeout);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", cts.Token);
    }

    public void Dispose() => socket.Dispose();
}
