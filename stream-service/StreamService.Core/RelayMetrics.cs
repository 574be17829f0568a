using System.Diagnostics.Metrics;

namespace AvatarStream.StreamService.Core;

// The relay's meter. Per-message figures are plain interlocked totals read by observable instruments,
// so the hot path never touches a metrics listener.
public sealed class RelayMetrics
{
    public const string MeterName = "AvatarStream.Stream";

    private static readonly string[] KindTags = ["raw", "video", "audio", "other"];

    private readonly Counter<long> _closed;
    private readonly Counter<long> _lobbyWaits;
    private readonly Histogram<double> _lobbyWaitDuration;
    private readonly Counter<long> _resumes;
    private readonly Counter<long> _controlRefused;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _roomsDropped;
    private readonly Counter<long> _drains;
    private readonly long[] _droppedByKind = new long[4];
    private long _hosts;
    private long _guests;
    private long _waiting;
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
        meter.CreateObservableCounter("avatarstream.stream.messages.dropped", DroppedByKind, "{message}", "Media messages dropped for a receiver whose queue was full (or sent from the lobby), by kind: raw (v1), video, audio, other.");
        _closed = meter.CreateCounter<long>("avatarstream.stream.connections.closed", "{connection}", "Closed connections, by reason.");
        meter.CreateObservableUpDownCounter("avatarstream.stream.members", MembersByRole, "{member}", "v2 members by role: host, guest, and waiting in a lobby.");
        _lobbyWaits = meter.CreateCounter<long>("avatarstream.stream.lobby.waits", "{wait}", "Lobby waits that ended, by outcome: admitted, denied, timed_out, left.");
        _lobbyWaitDuration = meter.CreateHistogram(
            "avatarstream.stream.lobby.wait.duration",
            "s",
            "How long joiners waited in a lobby, by outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5, 15, 30, 60, 120, 300, 600, 1800] });
        _resumes = meter.CreateCounter<long>("avatarstream.stream.resumes", "{resume}", "Resume attempts, by whether the missed events were recovered.");
        _controlRefused = meter.CreateCounter<long>("avatarstream.stream.control.refused", "{message}", "Control messages answered with an error, by code.");
        _rateLimited = meter.CreateCounter<long>("avatarstream.stream.rate_limited", "{request}", "Requests refused with 429 by a per-address limit, by limit.");
        _roomsDropped = meter.CreateCounter<long>("avatarstream.stream.rooms.dropped", "{room}", "Rooms dropped because the instance's placement era changed (they moved).");
        _drains = meter.CreateCounter<long>("avatarstream.stream.drains", "{drain}", "Drains of this instance (its rooms left to move before it stops).");
    }

    public long Connections => Volatile.Read(ref _connections);

    public long Rooms => Volatile.Read(ref _rooms);

    public long MessagesReceived => Volatile.Read(ref _messagesReceived);

    public long MessagesRelayed => Volatile.Read(ref _messagesRelayed);

    public long BytesRelayed => Volatile.Read(ref _bytesRelayed);

    public long MessagesDropped => Volatile.Read(ref _messagesDropped);

    public long DroppedOfKind(int kind) => Volatile.Read(ref _droppedByKind[kind]);

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

    internal void MessageFannedOut(int length, int deliveries, int drops) => MessageFannedOut(length, deliveries, drops, 0);

    // kind: 0 for a v1 frame, else the v2 media kind (1 video, 2 audio, 3 other).
    internal void MessageFannedOut(int length, int deliveries, int drops, int kind)
    {
        Interlocked.Increment(ref _messagesReceived);
        if (deliveries > 0)
        {
            Interlocked.Add(ref _messagesRelayed, deliveries);
            Interlocked.Add(ref _bytesRelayed, (long)length * deliveries);
        }

        if (drops > 0)
        {
            MediaDropped(kind, drops);
        }
    }

    internal void MediaDropped(int kind, int count)
    {
        Interlocked.Add(ref _messagesDropped, count);
        Interlocked.Add(ref _droppedByKind[kind], count);
    }

    internal void MembersChanged(int hosts, int guests, int waiting)
    {
        Interlocked.Add(ref _hosts, hosts);
        Interlocked.Add(ref _guests, guests);
        Interlocked.Add(ref _waiting, waiting);
    }

    internal void LobbyWaitEnded(V2.LobbyOutcome outcome, TimeSpan waited)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome switch
        {
            V2.LobbyOutcome.Admitted => "admitted",
            V2.LobbyOutcome.Denied => "denied",
            V2.LobbyOutcome.TimedOut => "timed_out",
            _ => "left",
        });
        _lobbyWaits.Add(1, tag);
        _lobbyWaitDuration.Record(waited.TotalSeconds, tag);
    }

    internal void Resumed(bool recovered) => _resumes.Add(1, new KeyValuePair<string, object?>("recovered", recovered));

    // Public: the limits are the web host's, outside this assembly.
    public void RateLimited(string limit) => _rateLimited.Add(1, new KeyValuePair<string, object?>("limit", limit));

    internal void RoomsDropped(int count) => _roomsDropped.Add(count);

    // Public: the drain is the web host's, outside this assembly.
    public void Drained() => _drains.Add(1);

    internal void ControlRefused(string code) => _controlRefused.Add(1, new KeyValuePair<string, object?>("code", code));

    private IEnumerable<Measurement<long>> DroppedByKind()
    {
        for (var kind = 0; kind < KindTags.Length; kind++)
        {
            yield return new Measurement<long>(Volatile.Read(ref _droppedByKind[kind]), new KeyValuePair<string, object?>("kind", KindTags[kind]));
        }
    }

    private IEnumerable<Measurement<long>> MembersByRole()
    {
        yield return new Measurement<long>(Volatile.Read(ref _hosts), new KeyValuePair<string, object?>("role", "host"));
        yield return new Measurement<long>(Volatile.Read(ref _guests), new KeyValuePair<string, object?>("role", "guest"));
        yield return new Measurement<long>(Volatile.Read(ref _waiting), new KeyValuePair<string, object?>("role", "waiting"));
    }

    private static string ReasonTag(CloseReason reason) => reason switch
    {
        CloseReason.ClientClosed => "client_closed",
        CloseReason.Replaced => "replaced",
        CloseReason.MessageTooBig => "message_too_big",
        CloseReason.ReceiverTooSlow => "receiver_too_slow",
        CloseReason.Shutdown => "shutdown",
        CloseReason.NotRegistered => "not_registered",
        CloseReason.BadMessages => "bad_messages",
        CloseReason.Removed => "removed",
        CloseReason.Denied => "denied",
        CloseReason.KnockTimedOut => "knock_timed_out",
        CloseReason.RoomEnded => "room_ended",
        CloseReason.Moved => "moved",
        _ => "aborted",
    };
}
