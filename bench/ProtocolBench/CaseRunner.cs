using System.Diagnostics;
using System.Net.WebSockets;

namespace AvatarStream.ProtocolBench;

// Runs one case against one relay: connect every room in order (the first client creates the room, so it is the
// v2 host), wait until every v2 member knows its whole room, send for warm-up + duration, drain, close. Every
// wait is bounded. Normally every room speaks one protocol; mixed, even rooms speak v1 and odd rooms v2 on the
// same relay at the same time, one result per protocol. Mixed sees no drift between runs, so a delay only one
// protocol has shows plainly in its rate and latency; a CPU cost does not, since both share the relay's threads
// (the separate runs' CPU per frame shows that).
internal static class CaseRunner
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    public static async Task<RunResult> RunAsync(BenchCase benchCase, WireProtocol protocol, RelayServer server, BenchOptions options, int repeat) =>
        (await RunAsync(benchCase, _ => protocol, server, options, repeat, label: null))[0];

    public static Task<IReadOnlyList<RunResult>> RunMixedAsync(BenchCase benchCase, RelayServer server, BenchOptions options, int repeat) =>
        RunAsync(benchCase, r => r % 2 == 0 ? WireProtocol.V1 : WireProtocol.V2, server, options, repeat, label: " mixed");

    private static async Task<IReadOnlyList<RunResult>> RunAsync(
        BenchCase benchCase, Func<int, WireProtocol> protocolOf, RelayServer server, BenchOptions options, int repeat, string? label)
    {
        var load = LoadAverage();
        var run = new RunContext();
        var rooms = new List<BenchRoom>();
        for (var r = 0; r < benchCase.Rooms; r++)
        {
            var protocol = protocolOf(r);
            var room = new BenchRoom($"{benchCase.Name}-{protocol}{label?.Trim()}-{repeat}-{r}", protocol);
            for (var i = 0; i < benchCase.Size; i++)
            {
                var member = new Member(room, i, run.All.Count, protocol, options.PayloadBytes);
                room.Members.Add(member);
                run.All.Add(member);
            }

            rooms.Add(room);
        }

        var receiving = new List<Task>();
        try
        {
            using (var connecting = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            {
                foreach (var member in run.All)
                {
                    await member.ConnectAsync(server.Address, connecting.Token);
                    receiving.Add(member.ReceiveLoopAsync(run));
                }
            }

            await WaitUntilAsync(
                () => run.All.All(m => m.Room.Protocol == WireProtocol.V1 || (m.MemberNumber > 0 && m.KnownMembers == m.Room.Members.Count)),
                TimeSpan.FromSeconds(10),
                "every v2 member to know its whole room");

            // Every sender reaches every other member of its room (v2: by the default subscription, at most 49).
            var senders = new List<Member>();
            foreach (var room in rooms)
            {
                foreach (var member in room.Members.Take(benchCase.Senders))
                {
                    member.BecomeSender(Math.Min(room.Members.Count - 1, 49));
                    senders.Add(member);
                }
            }

            var clock = new RunClock(Settle, options.WarmUp, options.Duration);
            run.Clock = clock;
            var sending = Task.WhenAll(senders.Select(s => Task.Run(() => s.SendLoopAsync(benchCase, clock))));

            await RunClock.DelayUntilAsync(clock.MeasureStart);
            var (serverCpu0, driverCpu0, wall0) = (server.CpuTime(), Process.GetCurrentProcess().TotalProcessorTime, Stopwatch.GetTimestamp());
            await RunClock.DelayUntilAsync(clock.MeasureEnd);
            var (serverCpu1, driverCpu1, wall1) = (server.CpuTime(), Process.GetCurrentProcess().TotalProcessorTime, Stopwatch.GetTimestamp());
            await WaitBoundedAsync(sending, TimeSpan.FromSeconds(10), "the senders to stop");

            var expected = senders.Sum(s => s.MeasuredSent * s.Receivers);
            await WaitUntilAsync(() => run.All.Sum(m => m.Delivered) >= expected, Drain, null);

            await CloseAllAsync(run.All, receiving);

            var wall = Stopwatch.GetElapsedTime(wall0, wall1).TotalSeconds;
            var serverCpu = (serverCpu1 - serverCpu0).TotalSeconds;
            var allDelivered = run.All.Sum(m => m.Delivered);
            var results = new List<RunResult>();
            foreach (var protocol in rooms.Select(r => r.Protocol).Distinct())
            {
                var members = run.All.Where(m => m.Room.Protocol == protocol).ToList();
                var sent = senders.Where(m => m.Room.Protocol == protocol).ToList();
                var latency = new LatencyHistogram();
                foreach (var member in members)
                {
                    latency.Add(member.Latency);
                }

                var seconds = options.Duration.TotalSeconds;
                var delivered = members.Sum(m => m.Delivered);
                var expectedHere = sent.Sum(s => s.MeasuredSent * s.Receivers);
                results.Add(new RunResult
                {
                    Repeat = repeat,
                    Case = benchCase.Name,
                    Protocol = protocol.ToString().ToLowerInvariant() + label,
                    Clients = members.Count,
                    Connected = members.Count(m => m.Socket.State != WebSocketState.None),
                    SentPerSecond = sent.Sum(s => s.MeasuredSent) / seconds,
                    DeliveredPerSecond = delivered / seconds,
                    LossPercent = expectedHere == 0 ? 0 : 100.0 * (1 - (delivered / (double)expectedHere)),
                    P50Us = latency.PercentileMicroseconds(0.50),
                    P99Us = latency.PercentileMicroseconds(0.99),
                    P999Us = latency.PercentileMicroseconds(0.999),
                    MaxUs = latency.Max / 1000.0,
                    // Mixed: the relay's CPU is for both protocols together.
                    ServerCpuPercent = 100 * serverCpu / wall,
                    ServerCpuUsPerFrame = allDelivered == 0 ? double.NaN : serverCpu * 1e6 / allDelivered,
                    DriverCpuPercent = 100 * (driverCpu1 - driverCpu0).TotalSeconds / wall,
                    Stalls = sent.Sum(s => s.Stalls),
                    Gaps = members.Sum(m => m.Gaps),
                    ControlFrames = members.Sum(m => m.ControlFrames),
                    ControlInWindow = members.Sum(m => m.ControlInWindow),
                    StampErrors = members.Sum(m => m.StampErrors),
                    Corrupt = members.Sum(m => m.Corrupt),
                    OutOfOrder = members.Sum(m => m.OutOfOrder),
                    Foreign = members.Sum(m => m.Foreign),
                    Malformed = members.Sum(m => m.Malformed),
                    SocketErrors = members.Sum(m => m.SendErrors + (m.ReceiveFailed ? 1 : 0)),
                    LoadAverage = load,
                });
            }

            return results;
        }
        finally
        {
            foreach (var member in run.All)
            {
                member.Socket.Abort();
                member.Socket.Dispose();
            }

            await Task.WhenAny(Task.WhenAll(receiving), Task.Delay(CloseTimeout));
        }
    }

    // A close frame from each client; the relay answers with its own, which ends that receive loop. Whatever
    // has not closed in time is aborted.
    private static async Task CloseAllAsync(List<Member> members, List<Task> receiving)
    {
        using var timeout = new CancellationTokenSource(CloseTimeout);
        var closing = members.Select(async m =>
        {
            try
            {
                await m.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                m.Socket.Abort();
            }
        });
        await Task.WhenAll(closing);
        await Task.WhenAny(Task.WhenAll(receiving), Task.Delay(CloseTimeout));
    }

    private static async Task WaitBoundedAsync(Task task, TimeSpan limit, string what)
    {
        if (await Task.WhenAny(task, Task.Delay(limit)) != task)
        {
            throw new TimeoutException($"timed out waiting for {what}");
        }

        await task;
    }

    // Polls a condition for at most limit; throws when it is named (a precondition), returns quietly otherwise.
    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit, string? what)
    {
        var until = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() >= until)
            {
                if (what is not null)
                {
                    throw new TimeoutException($"timed out waiting for {what}");
                }

                return;
            }

            await Task.Delay(10);
        }
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
