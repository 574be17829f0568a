using System.Net.WebSockets;

namespace AvatarStream.StreamService.Core;

// One member's socket: a receive loop that fans each message out to the room, and a send loop that
// drains this member's queue (a WebSocket allows one send in flight). Either loop failing ends both.
internal sealed class RelayConnection
{
    private readonly RelayContext _context;
    private readonly SendQueue _queue;
    private WebSocket? _socket;
    private int _sizeHint = MessagePool.SmallestCapacity;
    private long _sendStartedAt;
    private int _closing;
    private WebSocketCloseStatus _closeStatus;
    private string _closeDescription = string.Empty;
    private ITimer? _abortTimer;
    private bool _abortRequested;

    public RelayConnection(Room room, string clientId, RelayContext context)
    {
        _context = context;
        _queue = new SendQueue(context.Options.SendQueueCapacity);
        Room = room;
        ClientId = clientId;
        ClientTag = Core.ClientTag.Of(clientId);
    }

    public Room Room { get; }

    public string ClientId { get; }

    public string ClientTag { get; }

    public CloseReason CloseReason { get; private set; } = CloseReason.Aborted;

    public EnqueueResult Enqueue(RelayMessage message) => _queue.TryEnqueue(message);

    // Relays over socket until it closes. Messages queued before this call are sent first.
    public async Task RunAsync(WebSocket socket)
    {
        Volatile.Write(ref _socket, socket);
        if (Volatile.Read(ref _abortRequested))
        {
            // The close timeout ran out while the handshake was still going on.
            socket.Abort();
        }

        var sending = SendLoopAsync();
        try
        {
            await ReceiveLoopAsync();
        }
        catch (Exception exception) when (IsConnectionFailure(exception))
        {
            RelayLog.ConnectionFailed(_context.Logger, Room.Id, ClientTag, exception);
        }
        finally
        {
            BeginClose(WebSocketCloseStatus.EndpointUnavailable, string.Empty, CloseReason.Aborted);
            await sending;
            _abortTimer?.Dispose();
        }
    }

    // Starts closing: queued messages are dropped, the send loop sends the close frame, and the socket
    // is aborted if the handshake has not finished within the close timeout. Only the first call counts.
    public bool BeginClose(WebSocketCloseStatus status, string description, CloseReason reason)
    {
        if (Interlocked.CompareExchange(ref _closing, 1, 0) != 0)
        {
            return false;
        }

        _closeStatus = status;
        _closeDescription = description;
        CloseReason = reason;
        _abortTimer = _context.Time.CreateTimer(
            static state => ((RelayConnection)state!).Abort(), this, _context.Options.CloseTimeout, Timeout.InfiniteTimeSpan);
        _queue.Complete();
        return true;
    }

    // Closes this connection when one send has been in flight for longer than the send timeout.
    public void CloseIfStuck(long now)
    {
        var started = Volatile.Read(ref _sendStartedAt);
        var timeout = _context.Options.SendTimeout;
        if (started != 0 && _context.Time.GetElapsedTime(started, now) >= timeout &&
            BeginClose(WebSocketCloseStatus.PolicyViolation, "receiver too slow", CloseReason.ReceiverTooSlow))
        {
            RelayLog.ReceiverTooSlow(_context.Logger, Room.Id, ClientTag, timeout);
        }
    }

    private void Abort()
    {
        Volatile.Write(ref _abortRequested, true);
        Volatile.Read(ref _socket)?.Abort();
    }

    // Cancellation is by Abort (close timeout) rather than tokens: a token per receive or send costs a
    // registration each time, and aborting fails whatever is pending anyway.
    private async Task ReceiveLoopAsync()
    {
        var socket = _socket!;
        var pool = _context.Pool;
        var limit = _context.Options.MaxMessageBytes + 1;
        while (true)
        {
            // Wait for the next frame with no buffer, so an idle connection holds no payload memory.
            var result = await socket.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                BeginClose(WebSocketCloseStatus.NormalClosure, string.Empty, CloseReason.ClientClosed);
                return;
            }

            if (Volatile.Read(ref _closing) != 0)
            {
                // Closing: what arrives now is read only to reach the peer's close frame.
                await DrainUntilCloseAsync();
                return;
            }

            var type = result.MessageType;
            var message = pool.Rent(_sizeHint);
            var length = 0;
            try
            {
                while (!result.EndOfMessage && length < limit)
                {
                    if (length == message.Buffer.Length)
                    {
                        message = pool.Grow(message, length);
                    }

                    var free = Math.Min(message.Buffer.Length, limit) - length;
                    result = await socket.ReceiveAsync(message.Buffer.AsMemory(length, free), CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        message.Release();
                        BeginClose(WebSocketCloseStatus.NormalClosure, string.Empty, CloseReason.ClientClosed);
                        return;
                    }

                    length += result.Count;
                }
            }
            catch
            {
                message.Release();
                throw;
            }

            if (length >= limit)
            {
                message.Release();
                await RefuseOversizedAsync();
                return;
            }

            if (Volatile.Read(ref _closing) != 0)
            {
                message.Release();
                await DrainUntilCloseAsync();
                return;
            }

            _sizeHint = length;
            message.Length = length;
            message.Type = type;
            FanOut(message);
        }
    }

    private void FanOut(RelayMessage message)
    {
        var deliveries = 0;
        var drops = 0;
        foreach (var receiver in Room.Members.RecipientsOf(this))
        {
            message.Retain();
            var queued = receiver.Enqueue(message);
            if (queued == EnqueueResult.Queued)
            {
                deliveries++;
                continue;
            }

            message.Release();
            if (queued == EnqueueResult.Full)
            {
                drops++;
            }
        }

        var length = message.Length;
        message.Release();
        _context.Metrics.MessageFannedOut(length, deliveries, drops);
    }

    private async Task RefuseOversizedAsync()
    {
        var maxBytes = _context.Options.MaxMessageBytes;
        if (BeginClose(WebSocketCloseStatus.MessageTooBig, $"message exceeds {maxBytes} bytes", CloseReason.MessageTooBig))
        {
            RelayLog.MessageTooBig(_context.Logger, Room.Id, ClientTag, maxBytes);
        }

        await DrainUntilCloseAsync();
    }

    // Reads (and discards) into one small buffer until the peer's close frame, or the abort timer fires.
    private async Task DrainUntilCloseAsync()
    {
        var socket = _socket!;
        var scratch = _context.Pool.Rent(MessagePool.SmallestCapacity);
        try
        {
            while ((await socket.ReceiveAsync(scratch.Buffer.AsMemory(), CancellationToken.None)).MessageType != WebSocketMessageType.Close)
            {
            }
        }
        finally
        {
            scratch.Release();
        }
    }

    private async Task SendLoopAsync()
    {
        var socket = _socket!;
        try
        {
            while (await _queue.WaitToReadAsync())
            {
                while (_queue.TryDequeue(out var message))
                {
                    Volatile.Write(ref _sendStartedAt, _context.Time.GetTimestamp());
                    try
                    {
                        await socket.SendAsync(message.Payload, message.Type, endOfMessage: true, CancellationToken.None);
                    }
                    finally
                    {
                        Volatile.Write(ref _sendStartedAt, 0);
                        message.Release();
                    }
                }
            }

            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(_closeStatus, _closeDescription, CancellationToken.None);
            }
        }
        catch (Exception exception) when (IsConnectionFailure(exception))
        {
            // The socket is broken: make sure the receive loop stops too.
            BeginClose(WebSocketCloseStatus.EndpointUnavailable, string.Empty, CloseReason.Aborted);
            socket.Abort();
        }
    }

    private static bool IsConnectionFailure(Exception exception) =>
        exception is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException;
}
