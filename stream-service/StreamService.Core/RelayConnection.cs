using System.Buffers.Binary;
using System.Net.WebSockets;
using AvatarStream.StreamService.Core.V2;

namespace AvatarStream.StreamService.Core;

// One member's socket: a receive loop that fans each message out to the room, and a send loop that
// drains this member's queue (a WebSocket allows one send in flight). Either loop failing ends both.
// v1 relays every frame to everyone else as it came. v2 hands text frames to the room state and relays
// binary frames by the member's media route, stamped with its member number in place.
internal sealed class RelayConnection : IMemberLink
{
    // v2 media: the client's [kind][layer] lands at offset 2, so the server's 4-byte header fits in front of it.
    private const int MediaHeaderRoom = 2;

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
    private RoomState? _state;
    private Member? _member;

    public RelayConnection(Room room, string clientId, RelayContext context)
    {
        _context = context;
        _queue = new SendQueue(context.Options.SendQueueCapacity, context.Options.ControlQueueCapacity);
        Room = room;
        ClientId = clientId;
        ClientTag = Contracts.ClientTag.Of(clientId);
    }

    public Room Room { get; }

    public string ClientId { get; }

    public string ClientTag { get; }

    public CloseReason CloseReason { get; private set; } = CloseReason.Aborted;

    // The close code the client sent, when it closed (1005, Empty, when its close frame had none).
    public WebSocketCloseStatus? ClientCloseStatus { get; private set; }

    public Member? Member => _member;

    public EnqueueResult Enqueue(RelayMessage message) => _queue.TryEnqueue(message, MessageClass.Video);

    // Makes this a v2 connection of member in state; before the socket runs.
    public void Attach(RoomState state, Member member)
    {
        _state = state;
        _member = member;
    }

    // A v2 socket that ended on its own: leaving (a client close with 1000 or none, or too large a message)
    // or dropped and maybe back soon (no close frame, 1001, too slow).
    public Departure Departure => CloseReason switch
    {
        CloseReason.ClientClosed when ClientCloseStatus is WebSocketCloseStatus.NormalClosure or WebSocketCloseStatus.Empty => Departure.Left,
        CloseReason.MessageTooBig => Departure.Left,
        _ => Departure.Dropped,
    };

    public bool SendControl(ReadOnlySpan<byte> utf8Json)
    {
        var message = _context.Pool.RentAtLeast(utf8Json.Length);
        utf8Json.CopyTo(message.Buffer);
        message.Length = utf8Json.Length;
        message.Type = WebSocketMessageType.Text;
        var queued = _queue.TryEnqueue(message, MessageClass.Control);
        if (queued == EnqueueResult.Queued)
        {
            return true;
        }

        message.Release();
        if (queued != EnqueueResult.ControlOverflow)
        {
            return true;
        }

        if (BeginClose(WebSocketCloseStatus.PolicyViolation, "receiver too slow", CloseReason.ReceiverTooSlow))
        {
            RelayLog.ControlBacklogOverflow(_context.Logger, Room.Id, ClientTag, _context.Options.ControlQueueCapacity);
        }

        return false;
    }

    public EnqueueResult SendMedia(RelayMessage message, MessageClass messageClass) => _queue.TryEnqueue(message, messageClass);

    public void Close(WebSocketCloseStatus status, string description, CloseReason reason) => BeginClose(status, description, reason);

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
        int limit;
        while (true)
        {
            // Wait for the next frame with no buffer, so an idle connection holds no payload memory.
            var result = await socket.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                ClientClosed(socket);
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
            var start = _member is not null && type == WebSocketMessageType.Binary ? MediaHeaderRoom : 0;
            var length = start;
            limit = _context.Options.MaxMessageBytes + 1 + start;
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
                        ClientClosed(socket);
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
            if (_member is null)
            {
                FanOut(message);
            }
            else if (type == WebSocketMessageType.Binary)
            {
                RelayMedia(message);
            }
            else
            {
                ReceiveControl(message);
            }
        }
    }

    private void ClientClosed(WebSocket socket)
    {
        ClientCloseStatus = socket.CloseStatus ?? WebSocketCloseStatus.Empty;
        BeginClose(WebSocketCloseStatus.NormalClosure, string.Empty, CloseReason.ClientClosed);
    }

    private void ReceiveControl(RelayMessage message)
    {
        try
        {
            if (message.Length > ProtocolLimits.MaxControlBytes)
            {
                _state!.RefuseOversized(_member!, this);
            }
            else
            {
                _state!.Receive(_member!, this, message.Payload);
            }
        }
        finally
        {
            message.Release();
        }
    }

    // [kind][layer] from the client, at offset 2, becomes [kind][layer][sender u16 BE] at offset 0: one header
    // written in place, the same bytes for every receiver.
    private void RelayMedia(RelayMessage message)
    {
        var member = _member!;
        var buffer = message.Buffer;
        var length = message.Length;
        int kind = length >= MediaHeaderRoom + 2 ? buffer[MediaHeaderRoom] : 0;
        int layer = length >= MediaHeaderRoom + 2 ? buffer[MediaHeaderRoom + 1] : 0;
        if (kind is < 1 or > 3 || layer > ProtocolLimits.HighestLayer)
        {
            message.Release();
            _state!.RefuseMedia(member, this);
            return;
        }

        var route = member.Route;
        if (ReferenceEquals(route, MediaRoute.Nobody))
        {
            // A joiner in the lobby (nobody may see its media yet), or the recorder, which only receives.
            message.Release();
            _context.Metrics.MediaDropped(kind, 1);
            return;
        }

        buffer[0] = (byte)kind;
        buffer[1] = (byte)layer;
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(2), (ushort)member.Number);
        var isVideo = kind == 1;
        var receivers = isVideo ? route.Video(layer) : route.Everyone;
        var messageClass = isVideo ? MessageClass.Video : MessageClass.Audio;
        int deliveries = 0, drops = 0, videoDropped = 0;
        foreach (var receiver in receivers)
        {
            message.Retain();
            switch (receiver.SendMedia(message, messageClass))
            {
                case EnqueueResult.Queued:
                    deliveries++;
                    break;
                case EnqueueResult.QueuedDroppingVideo:
                    deliveries++;
                    videoDropped++;
                    break;
                case EnqueueResult.Full:
                    message.Release();
                    drops++;
                    break;
                default:
                    message.Release();
                    break;
            }
        }

        message.Release();
        _context.Metrics.MessageFannedOut(length, deliveries, drops, kind);
        if (videoDropped > 0)
        {
            _context.Metrics.MediaDropped(1, videoDropped);
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
