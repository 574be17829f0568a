using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using AvatarStream.Contracts;

namespace AvatarStream.StreamService.Tests.Infrastructure;

// A raw avatar-stream.v2 test client: the handshake, JSON control messages and media frames, every wait bounded.
public sealed class V2Socket(TestSocket socket)
{
    public TestSocket Socket => socket;

    public WebSocket Raw => socket.Socket;

    // With a fresh ticket for the pair, and the resume if given.
    public static Task<V2Socket> ConnectAsync(Uri address, string roomId, string clientId, object? resume = null) =>
        ConnectAsync(address, clientId, new Dictionary<string, object?> { ["ticket"] = TestTickets.For(roomId, clientId), ["resume"] = resume });

    // With the given auth JSON object (a resume alone, a spent ticket, ...).
    public static async Task<V2Socket> ConnectAsync(Uri address, string clientId, Dictionary<string, object?> auth)
    {
        var token = StreamProtocol.AuthPrefix + Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(auth)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var uri = new Uri($"ws://{address.Authority}/");
        return new V2Socket(await TestSocket.ConnectAsync(uri, clientId, options =>
        {
            options.AddSubProtocol(StreamProtocol.V2);
            options.AddSubProtocol(token);
        }));
    }

    public Task SendJsonAsync(string json) => socket.SendTextAsync(json);

    public Task SendMediaAsync(byte kind, byte layer, byte[] payload) => socket.SendAsync([kind, layer, .. payload]);

    // The next control message; media frames met on the way are skipped.
    public async Task<JsonElement> NextAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            var (type, payload) = await socket.ReceiveAsync(timeout);
            if (type == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException($"closed with {socket.Socket.CloseStatus}");
            }

            if (type == WebSocketMessageType.Text)
            {
                return JsonDocument.Parse(payload).RootElement.Clone();
            }
        }
    }

    // The next control message of the given type; others are skipped.
    public async Task<JsonElement> NextAsync(string type, TimeSpan? timeout = null)
    {
        while (true)
        {
            var message = await NextAsync(timeout);
            if (message.GetProperty("type").GetString() == type)
            {
                return message;
            }
        }
    }

    // The next media frame, as [kind][layer][sender u16 BE][payload]; control messages are skipped.
    public async Task<byte[]> NextMediaAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            var (type, payload) = await socket.ReceiveAsync(timeout);
            if (type == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException($"closed with {socket.Socket.CloseStatus}");
            }

            if (type == WebSocketMessageType.Binary)
            {
                return payload;
            }
        }
    }

    public Task<WebSocketCloseStatus?> ReceiveCloseAsync() => socket.ReceiveCloseAsync();

    public static string Json(object value) => JsonSerializer.Serialize(value);

    public static string Text(byte[] payload) => Encoding.UTF8.GetString(payload);
}
