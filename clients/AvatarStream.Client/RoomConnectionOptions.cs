using System.Net.WebSockets;
using AvatarStream.Contracts;

namespace AvatarStream.Client;

public sealed record RoomConnectionOptions
{
    public ReconnectPolicy Reconnect { get; init; } = new();

    // Gets a fresh ticket, which may name another instance, when the server closed with 1001 (the instance drains or the
    // room moved), a reconnect finds the seat gone (HTTP 401), the instance draining (HTTP 503) or out of reach:
    // usually RoomRouterClient.Rejoin(), which asks join-room again with the client id held now.
    public Func<RoomTicket, CancellationToken, Task<RoomTicket>>? Rejoin { get; init; }

    // Presented on the first connect too, to take a seat over from an earlier connection (a restarted app).
    public ResumeToken? Resume { get; init; }

    // Drives the reconnect waits and the reconnect time bound.
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    // Replaces the reconnect wait (default: Task.Delay on TimeProvider); tests record the delays and return at once.
    public Func<TimeSpan, CancellationToken, Task>? Delay { get; init; }

    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    // How long CloseAsync waits for the server's close frame before it aborts the socket.
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    // WebSocket pings; a socket whose pong is missing for KeepAliveTimeout counts as dropped.
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(15);

    // The largest message accepted from the server (a resumed with many missed events is larger than 64 KiB).
    public int MaxReceiveMessageBytes { get; init; } = 16 * 1024 * 1024;

    // Incoming media frames kept for a slow reader; past this the oldest is dropped (DroppedMediaFrames).
    public int MediaBufferFrames { get; init; } = 256;

    // Anything else on the socket: headers, proxy, certificates.
    public Action<ClientWebSocketOptions>? ConfigureSocket { get; init; }
}
