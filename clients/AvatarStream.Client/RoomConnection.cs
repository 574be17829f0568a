using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using AvatarStream.Client.Messages;
using AvatarStream.Contracts;

namespace AvatarStream.Client;

// One member's avatar-stream.v2 socket to a room, kept alive across drops: a socket that goes away without a close
// frame, or with 1008, is reopened with the resume credentials, and after 1001 (or when the seat or the instance is gone)
// with a fresh ticket from Rejoin, on whichever instance it names; a fresh welcome there starts a new session. Everything the server sends comes out of Messages and Media in order; StateChanges reports
// every transition. One loop owns the socket's receive side and all state; sends go through one lock.
public sealed partial class RoomConnection : IAsyncDisposable
{
    private const int ReceiveChunkBytes = 16 * 1024;

    private readonly RoomConnectionOptions _options;
    private readonly Channel<ServerMessage> _messages = Channel.CreateUnbounded<ServerMessage>(new() { SingleWriter = true });
    private readonly Channel<MediaFrame> _media;
    private readonly Channel<ConnectionStateChange> _stateChanges = Channel.CreateUnbounded<ConnectionStateChange>(new() { SingleWriter = true });
    private readonly TaskCompletionSource<CloseReason> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Lock _gate = new();

    private ClientWebSocket? _socket;
    private bool _closeRequested;
    private ConnectionState _state = ConnectionState.Connecting;
    private RoomTicket _ticket;

    // The ticket opens one socket: once shown, reconnects show the resume alone, or a new ticket from Rejoin.
    private bool _ticketShown;
    private Welcome? _welcome;
    private string? _session;
    private string? _secret;
    private long _lastSeq;
    private bool _reopened;
    private long _droppedMediaFrames;

    // The outage being reconnected from; owned by the receive loop. Cleared when the server takes the member back.
    private long? _outageStarted;
    private int _outageAttempts;

    private RoomConnection(RoomTicket ticket, RoomConnectionOptions options)
    {
        _ticket = ticket;
        _options = options;
        if (options.Resume is { } resume)
        {
            (_session, _secret, _lastSeq) = (resume.Session, resume.Secret, resume.LastSeq);
        }

        _media = Channel.CreateBounded<MediaFrame>(
            new BoundedChannelOptions(Math.Max(1, options.MediaBufferFrames)) { SingleWriter = true, FullMode = BoundedChannelFullMode.DropOldest },
            _ => Interlocked.Increment(ref _droppedMediaFrames));
    }

    public ConnectionState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    // The ticket in use: the one given, or the last one Rejoin returned.
    public RoomTicket Ticket
    {
        get
        {
            lock (_gate)
            {
                return _ticket;
            }
        }
    }

    // The last welcome: this member's number, role and name, and the room as it was then.
    public Welcome? LastWelcome
    {
        get
        {
            lock (_gate)
            {
                return _welcome;
            }
        }
    }

    // The seq of the last event seen (welcome.seq, resumed.seq, or an event's own).
    public long LastSeq
    {
        get
        {
            lock (_gate)
            {
                return _lastSeq;
            }
        }
    }

    // What the next reconnect presents; null before the first welcome.
    public ResumeToken? ResumeToken
    {
        get
        {
            lock (_gate)
            {
                return _session is null || _secret is null ? null : new ResumeToken(_session, _secret, _lastSeq);
            }
        }
    }

    // Control messages in the order the server sent them; after a resumed, its missed events one by one.
    // Completes when the connection is closed.
    public ChannelReader<ServerMessage> Messages => _messages.Reader;

    // Binary frames from other members. Completes when the connection is closed.
    public ChannelReader<MediaFrame> Media => _media.Reader;

    // Every state transition, in order. Completes after Closed.
    public ChannelReader<ConnectionStateChange> StateChanges => _stateChanges.Reader;

    // Why the connection ended; completes with the Closed transition.
    public Task<CloseReason> Completion => _closed.Task;

    public long DroppedMediaFrames => Interlocked.Read(ref _droppedMediaFrames);

    // Opens the socket (the first handshake is not retried: its failure is thrown as RoomConnectionException) and
    // starts the receive loop. The connection is Connecting until the welcome (or waiting) arrives.
    public static async Task<RoomConnection> ConnectAsync(RoomTicket ticket, RoomConnectionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var connection = new RoomConnection(ticket, options ?? new RoomConnectionOptions());
        ClientWebSocket socket;
        try
        {
            socket = await connection.HandshakeAsync(ticket, cancellationToken);
        }
        catch
        {
            connection._stopping.Dispose();
            throw;
        }

        connection.Start(socket);
        return connection;
    }

    // False when there is no open socket now (Reconnecting, Closed) or it broke while sending; nothing is queued.
    // Cancelling a send aborts the socket (a WebSocket cannot take back half a frame), which starts a reconnect.
    public Task<bool> SendAsync(ClientMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SendFrameAsync(MessageJson.Serialize(message), WebSocketMessageType.Text, cancellationToken);
    }

    // Sends [kind][layer][payload]; false as for SendAsync.
    public async Task<bool> SendMediaAsync(MediaKind kind, byte layer, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        var length = MediaFrames.OutgoingHeaderSize + payload.Length;
        var frame = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            MediaFrames.WriteOutgoingHeader(frame, kind, layer);
            payload.Span.CopyTo(frame.AsSpan(MediaFrames.OutgoingHeaderSize));
            return await SendFrameAsync(frame.AsMemory(0, length), WebSocketMessageType.Binary, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
    }

    // Closes with 1000, which leaves the room at once, and waits for the server's close frame (at most CloseTimeout).
    // Stops a reconnect in progress. Safe to call more than once and from any state.
    public async Task CloseAsync(CancellationToken cancellationToken = default)
    {
        ClientWebSocket? socket = null;
        var first = false;
        lock (_gate)
        {
            if (!_closeRequested)
            {
                _closeRequested = first = true;
                socket = _socket;
            }
        }

        if (first)
        {
            await _stopping.CancelAsync();
            if (socket is not null)
            {
                await SendCloseAsync(socket);
            }
        }

        try
        {
            await _closed.Task.WaitAsync(_options.CloseTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The server did not answer the close: drop the socket, which ends the receive loop at once.
            lock (_gate)
            {
                _socket?.Abort();
            }

            await _closed.Task.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        _stopping.Dispose();
    }

    private void Start(ClientWebSocket socket)
    {
        bool closing;
        lock (_gate)
        {
            _socket = socket;
            closing = _closeRequested;
        }

        _ = Task.Run(() => RunAsync(socket, closing));
    }

    private async Task RunAsync(ClientWebSocket socket, bool closing)
    {
        CloseReason reason;
        try
        {
            while (true)
            {
                if (closing)
                {
                    await SendCloseAsync(socket);
                }

                var drop = await ReceiveAsync(socket);
                lock (_gate)
                {
                    _socket = null;
                }

                socket.Dispose();
                if (!drop.Reconnect)
                {
                    reason = drop.Reason;
                    break;
                }

                lock (_gate)
                {
                    _reopened = true;
                }

                SetState(ConnectionState.Reconnecting, reason: drop.Reason);
                var (next, failure) = await ReconnectAsync(drop);
                if (next is null)
                {
                    reason = failure!;
                    break;
                }

                socket = next;
                lock (_gate)
                {
                    _socket = socket;
                    closing = _closeRequested;
                }
            }
        }
        catch (Exception exception)
        {
            reason = new CloseReason(CloseKind.Failed) { Error = exception };
        }

        Finish(reason);
    }

    private async Task<bool> SendFrameAsync(ReadOnlyMemory<byte> frame, WebSocketMessageType type, CancellationToken cancellationToken)
    {
        ClientWebSocket? socket;
        lock (_gate)
        {
            socket = _closeRequested ? null : _socket;
        }

        if (socket is null)
        {
            return false;
        }

        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            if (socket.State != WebSocketState.Open)
            {
                return false;
            }

            await socket.SendAsync(frame, type, endOfMessage: true, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or IOException ||
            (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The receive loop sees the same failure and reconnects. A socket aborted under a send (a failed receive, a
            // missed keep-alive) fails that send as cancelled though nobody cancelled it.
            return false;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    // Sends our close frame (also the answer to the server's); the receive loop then sees the close handshake finish.
    private async Task SendCloseAsync(ClientWebSocket socket, WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure)
    {
        await _sendLock.WaitAsync();
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(status, null, CancellationToken.None);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or IOException)
        {
            // Already broken: the receive loop ends on its own.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private void SetState(ConnectionState state, bool? recovered = null, CloseReason? reason = null)
    {
        ConnectionState previous;
        lock (_gate)
        {
            previous = _state;
            if (previous == state || previous == ConnectionState.Closed)
            {
                return;
            }

            _state = state;
        }

        _stateChanges.Writer.TryWrite(new ConnectionStateChange(previous, state) { Recovered = recovered, Reason = reason });
    }

    private void Finish(CloseReason reason)
    {
        SetState(ConnectionState.Closed, reason: reason);
        _messages.Writer.TryComplete();
        _media.Writer.TryComplete();
        _stateChanges.Writer.TryComplete();
        _closed.TrySetResult(reason);
    }

    private async Task<ClientWebSocket> HandshakeAsync(RoomTicket ticket, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            socket.Options.CollectHttpResponseDetails = true;
            socket.Options.KeepAliveInterval = _options.KeepAliveInterval;
            socket.Options.KeepAliveTimeout = _options.KeepAliveTimeout;
            _options.ConfigureSocket?.Invoke(socket.Options);
            socket.Options.AddSubProtocol(StreamProtocol.V2);
            socket.Options.AddSubProtocol(StreamAuth.Encode(Credentials(ticket)));

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.HandshakeTimeout);
            try
            {
                await socket.ConnectAsync(new Uri(ticket.StreamUrl), timeout.Token);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested &&
                exception is WebSocketException or HttpRequestException or IOException or OperationCanceledException)
            {
                throw Refusal(socket.HttpStatusCode, exception);
            }

            if (socket.SubProtocol != StreamProtocol.V2)
            {
                throw new RoomConnectionException(HandshakeFailure.WrongProtocol, HttpStatusCode.SwitchingProtocols,
                    $"The stream instance selected '{socket.SubProtocol}', not {StreamProtocol.V2}.");
            }

            return socket;
        }
        catch
        {
            socket.Abort();
            socket.Dispose();
            throw;
        }
    }

    // A ticket not shown yet, with the resume if any; after it, the resume alone. Without either, only a new ticket
    // from Rejoin opens a socket: the server answers 401, which asks for one.
    private StreamCredentials Credentials(RoomTicket ticket)
    {
        var resume = ResumeToken;
        lock (_gate)
        {
            if (!_ticketShown || resume is null)
            {
                _ticketShown = true;
                return new StreamCredentials(ticket.Ticket, null, resume);
            }
        }

        return new StreamCredentials(null, ticket.RoomId, resume);
    }

    private static RoomConnectionException Refusal(HttpStatusCode status, Exception exception) => status switch
    {
        0 => new RoomConnectionException(HandshakeFailure.Unreachable, null, "The stream instance could not be reached.", exception),
        HttpStatusCode.SwitchingProtocols => new RoomConnectionException(HandshakeFailure.WrongProtocol, status,
            "The stream instance's upgrade did not fit the request (its subprotocol).", exception),
        _ => new RoomConnectionException(HandshakeFailure.Refused, status, $"The stream instance answered {(int)status}.", exception),
    };

    private readonly record struct Drop(bool Reconnect, CloseReason Reason, bool Pause = false);

    // Receives until the socket ends; says whether to reconnect.
    private async Task<Drop> ReceiveAsync(ClientWebSocket socket)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(ReceiveChunkBytes);
        var message = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(chunk.AsMemory(), CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return await OnCloseFrameAsync(socket);
                }

                if (message.WrittenCount + result.Count > _options.MaxReceiveMessageBytes)
                {
                    await SendCloseAsync(socket, WebSocketCloseStatus.MessageTooBig);
                    return new Drop(false, new CloseReason(CloseKind.Failed)
                    {
                        CloseStatus = WebSocketCloseStatus.MessageTooBig,
                        Description = $"A message from the server passed {_options.MaxReceiveMessageBytes} bytes.",
                    });
                }

                if (result.EndOfMessage && message.WrittenCount == 0)
                {
                    Deliver(chunk.AsSpan(0, result.Count), result.MessageType);
                    continue;
                }

                message.Write(chunk.AsSpan(0, result.Count));
                if (result.EndOfMessage)
                {
                    Deliver(message.WrittenSpan, result.MessageType);
                    message.ResetWrittenCount();
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            bool closing;
            lock (_gate)
            {
                closing = _closeRequested;
            }

            return closing
                ? new Drop(false, new CloseReason(CloseKind.ClosedByClient) { CloseStatus = WebSocketCloseStatus.NormalClosure, Error = exception })
                : new Drop(true, new CloseReason(CloseKind.Dropped) { Error = exception });
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private async Task<Drop> OnCloseFrameAsync(ClientWebSocket socket)
    {
        var status = socket.CloseStatus;
        var description = socket.CloseStatusDescription;
        bool closing;
        lock (_gate)
        {
            closing = _closeRequested;
        }

        if (socket.State == WebSocketState.CloseReceived)
        {
            await SendCloseAsync(socket, status is { } code && code != WebSocketCloseStatus.Empty ? code : WebSocketCloseStatus.NormalClosure);
        }

        if (closing)
        {
            return new Drop(false, new CloseReason(CloseKind.ClosedByClient) { CloseStatus = status, Description = description });
        }

        var reason = new CloseReason(CloseKind.ClosedByServer) { CloseStatus = status, Description = description };
        return status switch
        {
            WebSocketCloseStatus.EndpointUnavailable => new Drop(true, reason),
            WebSocketCloseStatus.PolicyViolation => new Drop(true, reason, Pause: true),
            // Server error, service restart, try again later: transient by definition (RFC 6455 registry).
            WebSocketCloseStatus.InternalServerError or (WebSocketCloseStatus)1012 or (WebSocketCloseStatus)1013 => new Drop(true, reason),
            _ => new Drop(false, reason),
        };
    }

    private void Deliver(ReadOnlySpan<byte> frame, WebSocketMessageType type)
    {
        if (type == WebSocketMessageType.Binary)
        {
            if (MediaFrames.TryDecodeIncoming(frame.ToArray(), out var media))
            {
                _media.Writer.TryWrite(media);
            }

            return;
        }

        ServerMessage message;
        try
        {
            message = MessageJson.ParseServerMessage(frame);
        }
        catch (JsonException)
        {
            // Not a JSON object: nothing to hand over.
            return;
        }

        OnMessage(message);
    }

    private void OnMessage(ServerMessage message)
    {
        if (message is Welcome or Resumed or Waiting)
        {
            _outageStarted = null;
            _outageAttempts = 0;
        }

        switch (message)
        {
            case Welcome welcome:
                bool reopened;
                lock (_gate)
                {
                    (_welcome, _session, _secret, _lastSeq) = (welcome, welcome.Session, welcome.Resume.Secret, welcome.Seq);
                    reopened = _reopened;
                    _reopened = false;
                }

                SetState(ConnectionState.Live, recovered: reopened ? false : null);
                _messages.Writer.TryWrite(welcome);
                break;

            case Resumed resumed:
                lock (_gate)
                {
                    _secret = resumed.Resume.Secret;
                    _reopened = false;
                }

                SetState(ConnectionState.Live, recovered: true);
                _messages.Writer.TryWrite(resumed);
                foreach (var missed in resumed.Missed)
                {
                    // The server replays only what came after last_seq; anything older was delivered already.
                    if (missed is ISequencedEvent sequenced && !Advance(sequenced.Seq))
                    {
                        continue;
                    }

                    _messages.Writer.TryWrite(missed);
                }

                Advance(resumed.Seq);
                break;

            case Waiting:
                SetState(ConnectionState.Waiting);
                _messages.Writer.TryWrite(message);
                break;

            case ISequencedEvent sequenced:
                Advance(sequenced.Seq);
                _messages.Writer.TryWrite(message);
                break;

            default:
                _messages.Writer.TryWrite(message);
                break;
        }
    }

    // Moves LastSeq forward; false when seq is not past it.
    private bool Advance(long seq)
    {
        lock (_gate)
        {
            if (seq <= _lastSeq)
            {
                return false;
            }

            _lastSeq = seq;
            return true;
        }
    }
}
