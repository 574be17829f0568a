using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;

namespace AvatarStream.ProtocolBench;

// One client: a receive loop that checks and times every frame, and for senders a send loop. Every counter is
// written by one loop only and read after the loops end (Delivered also while draining).
internal sealed class Member
{
    private readonly WireProtocol _protocol;
    private readonly int _payloadBytes;
    private readonly SemaphoreSlim _progress = new(0);
    private long[] _lastSeq = [];
    private long _delivered;
    private int _waiting;

    public Member(BenchRoom room, int index, int id, WireProtocol protocol, int payloadBytes)
    {
        Room = room;
        Index = index;
        Id = id;
        _protocol = protocol;
        _payloadBytes = payloadBytes;
        Pattern = FrameFormat.Pattern(id, payloadBytes);
    }

    public BenchRoom Room { get; }

    public int Index { get; }

    public int Id { get; }

    public byte[] Pattern { get; }

    public ClientWebSocket Socket { get; } = new();

    public LatencyHistogram Latency { get; } = new();

    // v2: this member's number (from its welcome) and how many members it knows of.
    public int MemberNumber { get; private set; }

    public int KnownMembers { get; private set; }

    // For a sender: the highest seq each room member has received from it (by member index).
    public long[]? Acked { get; private set; }

    public int Receivers { get; set; }

    public long Sent { get; private set; }

    public long MeasuredSent { get; private set; }

    public long Stalls { get; private set; }

    public long SendErrors { get; private set; }

    public long Delivered => Volatile.Read(ref _delivered);

    public long Gaps { get; private set; }

    public long ControlFrames { get; private set; }

    public long ControlInWindow { get; private set; }

    public long StampErrors { get; private set; }

    public long Corrupt { get; private set; }

    public long OutOfOrder { get; private set; }

    public long Foreign { get; private set; }

    public long Malformed { get; private set; }

    public bool ReceiveFailed { get; private set; }

    public async Task ConnectAsync(Uri server, CancellationToken cancellation)
    {
        Socket.Options.KeepAliveInterval = TimeSpan.Zero;
        if (_protocol == WireProtocol.V2)
        {
            Socket.Options.AddSubProtocol(FrameFormat.V2SubProtocol);
        }

        await Socket.ConnectAsync(new Uri(server, $"/?room_id={Room.Id}&client_id=c{Index}"), cancellation);
        if (_protocol == WireProtocol.V2 && Socket.SubProtocol != FrameFormat.V2SubProtocol)
        {
            throw new InvalidOperationException($"the server selected '{Socket.SubProtocol}', not {FrameFormat.V2SubProtocol}");
        }

        _lastSeq = new long[Room.Members.Count];
        Array.Fill(_lastSeq, -1);
    }

    public void BecomeSender(int receivers)
    {
        Receivers = receivers;
        Acked = new long[Room.Members.Count];
        Array.Fill(Acked, -1);
        Acked[Index] = long.MaxValue;
    }

    public async Task ReceiveLoopAsync(RunContext run)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var result = await Socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                var length = result.Count;
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close)
                {
                    if (length == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }

                    result = await Socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += result.Count;
                }

                var now = Stopwatch.GetTimestamp();
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                if (result.MessageType == WebSocketMessageType.Text)
                {
                    Control(buffer.AsSpan(0, length), now, run.Clock);
                }
                else
                {
                    Media(buffer.AsSpan(0, length), now, run);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            ReceiveFailed = Socket.State != WebSocketState.Aborted;
        }
        finally
        {
            // A sender waiting on this receiver must not wait for it any more.
            foreach (var sender in Room.Members)
            {
                if (sender.Acked is { } acked)
                {
                    Volatile.Write(ref acked[Index], long.MaxValue);
                    sender.Poke();
                }
            }
        }
    }

    public async Task SendLoopAsync(BenchCase benchCase, RunClock clock)
    {
        var offset = _protocol == WireProtocol.V2 ? 2 : 0;
        var frame = new byte[offset + _payloadBytes];
        Pattern.CopyTo(frame, offset);
        if (_protocol == WireProtocol.V2)
        {
            frame[0] = 1; // video, layer 0: routed by subscription
        }

        long interval = 0;
        var next = clock.SendStart;
        if (benchCase.Rate > 0)
        {
            interval = Math.Max(1, (long)(Stopwatch.Frequency / benchCase.Rate));
            next += Random.Shared.NextInt64(interval); // senders spread over the first interval
        }

        await RunClock.DelayUntilAsync(clock.SendStart);
        for (long seq = 0; ; seq++)
        {
            if (interval > 0)
            {
                if (next >= clock.MeasureEnd)
                {
                    return;
                }

                await RunClock.DelayUntilAsync(next);
                next += interval;
            }

            if (benchCase.Window > 0 && !await WaitForWindowAsync(seq, benchCase.Window, clock.MeasureEnd))
            {
                return;
            }

            var sentAt = Stopwatch.GetTimestamp();
            if (sentAt >= clock.MeasureEnd)
            {
                return;
            }

            FrameFormat.Stamp(frame.AsSpan(offset), sentAt, seq);
            try
            {
                await Socket.SendAsync(frame.AsMemory(), WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
            }
            catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException)
            {
                SendErrors++;
                return;
            }

            Sent++;
            if (sentAt >= clock.MeasureStart)
            {
                MeasuredSent++;
            }
        }
    }

    // Some receiver made progress: wake this sender if it waits for its window.
    public void Poke()
    {
        if (Volatile.Read(ref _waiting) == 1 && Interlocked.Exchange(ref _waiting, 0) == 1)
        {
            _progress.Release();
        }
    }

    // True when seq may go: at most window frames ahead of the slowest receiver. A receiver that makes no
    // progress for a second (a dropped frame leaves its mark behind) counts a stall and lets the frame go.
    private async ValueTask<bool> WaitForWindowAsync(long seq, int window, long measureEnd)
    {
        long giveUp = 0;
        while (true)
        {
            if (seq - LowestAcked() <= window)
            {
                return true;
            }

            var now = Stopwatch.GetTimestamp();
            if (now >= measureEnd)
            {
                return false;
            }

            giveUp = giveUp == 0 ? now + Stopwatch.Frequency : giveUp;
            if (now >= giveUp)
            {
                Stalls++;
                return true;
            }

            Volatile.Write(ref _waiting, 1);
            if (seq - LowestAcked() <= window)
            {
                // Progress came in between: a Release may be left over, which only makes the next wait look again.
                Volatile.Write(ref _waiting, 0);
                return true;
            }

            await _progress.WaitAsync(Stopwatch.GetElapsedTime(now, Math.Min(giveUp, measureEnd)));
        }
    }

    private long LowestAcked()
    {
        var lowest = long.MaxValue;
        foreach (ref var acked in Acked.AsSpan())
        {
            lowest = Math.Min(lowest, Volatile.Read(ref acked));
        }

        return lowest;
    }

    private void Media(ReadOnlySpan<byte> frame, long now, RunContext run)
    {
        var offset = _protocol == WireProtocol.V2 ? 4 : 0;
        var (all, clock) = (run.All, run.Clock);
        if (frame.Length != offset + _payloadBytes || clock is null)
        {
            Malformed++;
            return;
        }

        var payload = frame[offset..];
        var id = FrameFormat.Sender(payload);
        if ((uint)id >= (uint)all.Count || all[id].Room != Room || id == Id)
        {
            Foreign++;
            return;
        }

        var sender = all[id];
        if (_protocol == WireProtocol.V2 &&
            (frame[0] != 1 || frame[1] != 0 || BinaryPrimitives.ReadUInt16BigEndian(frame[2..]) != sender.MemberNumber))
        {
            StampErrors++;
        }

        if (!FrameFormat.PatternIntact(payload, sender.Pattern))
        {
            Corrupt++;
        }

        var seq = FrameFormat.Seq(payload);
        ref var last = ref _lastSeq[sender.Index];
        if (seq <= last)
        {
            OutOfOrder++;
        }
        else
        {
            Gaps += seq - last - 1;
            last = seq;
            if (sender.Acked is { } acked)
            {
                Volatile.Write(ref acked[Index], seq);
                sender.Poke();
            }
        }

        var sentAt = FrameFormat.SentAt(payload);
        if (sentAt >= clock.MeasureStart && sentAt < clock.MeasureEnd)
        {
            Latency.Record(RunClock.Nanoseconds(now - sentAt));
            Volatile.Write(ref _delivered, _delivered + 1);
        }
    }

    // v2 control: counted apart from media; welcome and member_joined/left tell who is in the room.
    private void Control(ReadOnlySpan<byte> json, long now, RunClock? clock)
    {
        ControlFrames++;
        if (clock is not null && now >= clock.MeasureStart && now < clock.MeasureEnd)
        {
            ControlInWindow++;
        }

        if (_protocol != WireProtocol.V2)
        {
            Malformed++;
            return;
        }

        var reader = new Utf8JsonReader(json);
        using var message = JsonDocument.ParseValue(ref reader);
        var root = message.RootElement;
        switch (root.GetProperty("type").GetString())
        {
            case "welcome":
                MemberNumber = root.GetProperty("you").GetProperty("member").GetInt32();
                KnownMembers = root.GetProperty("members").GetArrayLength();
                break;
            case "member_joined":
                KnownMembers++;
                break;
            case "member_left":
                KnownMembers--;
                break;
        }
    }
}
