using System.Diagnostics.Metrics;

namespace AvatarStream.StreamService.Core;

// The relay's meter. Per-message figures are plain interlocked totals read by observable instruments,
// so the hot path never touches a metrics listener.
public sealed class RelayMetrics
{
    public const string MeterName = "AvatarStream.Stream";

    private readonly Counter<long> _closed;
    private long _connections;
    private long _rooms;
    private long _messagesReceived;
    private long _messagesRelayed;
    private long _bytesRelayed;
    private long _messagesDropped;

    public RelayMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableUpDownCounter("avatarstream.stream.connections", () => Connections, "{connection}", "Open WebSocket connections.");
        meter.CreateObservableUpDownCounter("avatarstream.stream.rooms", () => Rooms, "{room}", "Rooms hosted by this instance.");
        meter.CreateObservableCounter("avatarstream.stream.messages.received", () => MessagesReceived, "{message}", "Messages received from members.");
        meter.CreateObservableCounter("avatarstream.stream.messages.relayed", () => MessagesRelayed, "{message}", "Messages queued to receivers (one per receiver).");
        meter.CreateObservableCounter("avatarstream.stream.bytes.relayed", () => BytesRelayed, "By", "Payload bytes queued to receivers.");
        meter.CreateObservableCounter("avatarstream.stream.messages.dropped", () => MessagesDropped, "{message}", "Messages dropped because a receiver's queue was full.");
        _closed = meter.CreateCounter<long>("avatarstream.stream.connections.closed", "{connection}", "Closed connections, by reason.");
    }

    public long Connections => Volatile.Read(ref _connections);

    public long Rooms => Volatile.Read(ref _rooms);

    public long MessagesReceived => Volatile.Read(ref _messagesReceived);

    public long MessagesRelayed => Volatile.Read(ref _messagesRelayed);

    public long BytesRelayed => Volatile.Read(ref _bytesRelayed);

    public long MessagesDropped => Volatile.Read(ref _messagesDropped);

    internal void ConnectionOpened() => Interlocked.Increment(ref _connections);

    internal void ConnectionClosed(CloseReason reason)
    {
        Interlocked.Decrement(ref _connections);
        _closed.Add(1, new KeyValuePair<string, object?>("reason", ReasonTag(reason)));
    }

    internal void ConnectionRefused() =>
        _closed.Add(1, new KeyValuePair<string, object?>("reason", ReasonTag(CloseReason.NotRegistered)));

    internal void RoomCreated() => Interlocked.Increment(ref _rooms);

    internal void RoomRemoved() => Interlocked.Decrement(ref _rooms);

    internal void MessageFannedOut(int length, int deliveries, int drops)
    {
        Interlocked.Increment(ref _messagesReceived);
        if (deliveries > 0)
        {
            Interlocked.Add(ref _messagesRelayed, deliveries);
            Interlocked.Add(ref _bytesRelayed, (long)length * deliveries);
        }

        if (drops > 0)
        {
            Interlocked.Add(ref _messagesDropped, drops);
        }
    }

    private static string ReasonTag(CloseReason reason) => reason switch
    {
        CloseReason.ClientClosed => "client_closed",
        CloseReason.Replaced => "replaced",
        CloseReason.MessageTooBig => "message_too_big",
        CloseReason.ReceiverTooSlow => "receiver_too_slow",
        CloseReason.Shutdown => "shutdown",
        CloseReason.NotRegistered => "not_registered",
        _ => "aborted",
    };
}
