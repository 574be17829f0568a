using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.WebSockets;
using Xunit.Abstractions;

namespace AvatarStream.EndToEnd.Tests;

// The local run with every app and sidecar as its own process; one stream instance's app process is killed with
// kill -9 while clients stream on both instances, and the system keeps working: its rooms move to the live instance.
public sealed class StreamFailoverTests(ITestOutputHelper output)
{
    private const string Live = "stream-1";
    private const string Victim = "stream-2";
    private static readonly TimeSpan Sweep = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(3);
    private const int SweepFailuresBeforeEvict = 2; // ip-updater's Sweep:FailuresBeforeEvict default
    private static readonly TimeSpan ConfirmDelay = TimeSpan.FromSeconds(1); // ip-updater's Sweep:ConfirmDelay default
    private Func<string> _phase = () => string.Empty;

    // Only a bound against hanging, never a speed check: eight processes starting beside another test run on two cores
    // took longer than 45 s.
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Killing_one_stream_instance_with_kill_9_keeps_the_system_working()
    {
        var total = Stopwatch.StartNew();
        await LocalRun.PlayAsync(StartLimit, output, async run =>
        {
            output.WriteLine($"[{total.Elapsed.TotalSeconds:0.0} s] devhost ready on base port {run.BasePort}, data dir {run.DataDir}");
            _phase = () => $"[{total.Elapsed.TotalSeconds:0.0} s]";
            Assert.True(run.PrintedAfterStatusBoard().Count == 0,
                $"expected the status board to be the last thing the devhost printed at start; after it came:\n{string.Join('\n', run.PrintedAfterStatusBoard())}");
            await ScenarioAsync(run);
        });
    }

    private async Task ScenarioAsync(LocalRun run)
    {
        // Rooms on both instances: placement picks the instance with the fewest rooms, so a few creates cover both.
        var rooms = new List<RoomAnswer>();
        for (var i = 0; i < 12 && (rooms.Count(r => At(run, r) == Live) < 2 || rooms.Count(r => At(run, r) == Victim) < 2); i++)
        {
            var created = await run.CreateRoomAsync();
            Assert.True(created.Ok, $"create-room before the kill: expected 200, saw {created}");
            rooms.Add(created);
        }

        var onLive = rooms.Where(r => At(run, r) == Live).ToList();
        var onVictim = rooms.Where(r => At(run, r) == Victim).ToList();
        Assert.True(onLive.Count >= 2 && onVictim.Count >= 2, $"expected >= 2 rooms on each instance, saw {string.Join("; ", rooms)}");

        // Clients connected to both instances: a host and a joiner in one room on each.
        using var liveSender = await ConnectAsync(onLive[0]);
        var liveJoin = await run.JoinRoomAsync(onLive[0].RoomId!, onLive[0].JoinKey);
        Assert.True(liveJoin.Ok && At(run, liveJoin) == Live, $"join of live room {onLive[0].RoomId}: expected 200 on {Live}, saw {liveJoin}");
        using var liveReceiver = await ConnectAsync(liveJoin);
        using var victimHost = await ConnectAsync(onVictim[0]);
        var victimJoin = await run.JoinRoomAsync(onVictim[0].RoomId!, onVictim[0].JoinKey);
        Assert.True(victimJoin.Ok && At(run, victimJoin) == Victim, $"join of room {onVictim[0].RoomId}: expected 200 on {Victim}, saw {victimJoin}");
        using var victimPeer = await ConnectAsync(victimJoin);

        // (d) numbered frames through the kill on the live instance.
        using var stopSending = new CancellationTokenSource();
        var received = new List<int>();
        var receiving = ReceiveNumbersAsync(liveReceiver, received);
        var sending = SendNumbersAsync(liveSender, stopSending.Token);
        await Task.Delay(500);

        // The kill: the victim's app process, not its sidecar.
        var victimPid = run.PidOf(Victim);
        var sidecarPid = run.PidOf(Victim + ".sidecar");
        var clock = Stopwatch.StartNew();
        LocalRun.KillNine(victimPid);
        output.WriteLine($"{_phase()} kill -9 {Victim} pid {victimPid} (sidecar pid {sidecarPid} left running)");

        // (b) poll GET /instances for the eviction while (a) creates rooms right after the kill.
        var evicted = PollEvictionAsync(run, clock, Sweep + Slack + TimeSpan.FromSeconds(5));
        var afterKill = new List<RoomAnswer>();
        for (var i = 0; i < 10; i++)
        {
            afterKill.Add(await run.CreateRoomAsync());
        }

        var failures = afterKill.Where(r => !r.Ok || At(run, r) != Live).ToList();
        var evictedAfter = await evicted;
        output.WriteLine($"{_phase()} create-room right after the kill: {afterKill.Count} calls, {failures.Count} failed");
        output.WriteLine(evictedAfter is { } t
            ? $"kill-to-eviction (GET /instances no longer lists {Victim}): {t.TotalMilliseconds:0} ms"
            : $"kill-to-eviction: {Victim} still listed after {(Sweep + Slack + TimeSpan.FromSeconds(5)).TotalSeconds:0} s");
        Assert.True(failures.Count == 0, $"(a) expected every create-room after the kill to answer 200 on {Live}; {failures.Count} did not: {string.Join("; ", failures)}");
        Assert.True(evictedAfter is not null && evictedAfter <= Sweep + Slack,
            $"(b) expected {Victim} gone from GET /instances within {(Sweep + Slack).TotalSeconds:0} s of the kill, saw {(evictedAfter is { } e ? $"{e.TotalMilliseconds:0} ms" : "it still listed")}");

        // (b)+(c) the dead instance's rooms outlive it: each join moves its room, same id, to the live instance.
        foreach (var room in onVictim)
        {
            var join = await run.RejoinAsync(room);
            Assert.True(join.Ok && join.RoomId == room.RoomId && At(run, join) == Live,
                $"(c) rejoin of the host of room {room.RoomId} that was on the killed {Victim}: expected 200 for that room on {Live}, saw {join}");
        }

        // (d) keep sending a little after the eviction, then check the peer saw every frame, in order.
        await Task.Delay(500);
        await stopSending.CancelAsync();
        var sent = await sending;
        using (var drain = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            while (Count(received) < sent && !drain.IsCancellationRequested)
            {
                await Task.Delay(50, CancellationToken.None);
            }
        }

        int[] got;
        lock (received)
        {
            got = [.. received];
        }

        var firstGap = Enumerable.Range(0, got.Length).FirstOrDefault(i => got[i] != i, -1);
        output.WriteLine($"{_phase()} live stream: sent {sent} numbered frames through the kill, peer received {got.Length}");
        Assert.True(got.Length == sent && firstGap < 0,
            $"(d) expected the peer on {Live} to receive frames 0..{sent - 1} in order; it received {got.Length}, first out of place at index {firstGap} ({(firstGap >= 0 ? got[firstGap] : -1)})");
        Assert.False(receiving.IsCompleted, $"(d) the live receiver's socket closed: {receiving.Exception?.GetBaseException().Message ?? liveReceiver.CloseStatus?.ToString()}");

        // (e) the killed instance restarted with the same arguments registers again and gets new rooms.
        var restarted = run.StartApp(Victim, "StreamService");
        output.WriteLine($"{_phase()} restarting {Victim} by hand with the devhost's arguments");
        var back = await Polling.WaitForAsync(async () => (await run.TryInstancesAsync())?.Contains(Victim) == true, TimeSpan.FromSeconds(30));
        Assert.True(back, $"(e) expected GET /instances to list the restarted {Victim} within 30 s; it did not");

        // A register that times out evicts the instance for good, so let the fresh process finish warming up first.
        var warm = await Polling.WaitForAsync(
            async () =>
            {
                try
                {
                    return await run.Http.GetStringAsync(new Uri(run.Topology[Victim].AppUrl + "/health")) == "Healthy.";
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(30));
        Assert.True(warm, $"(e) the restarted {Victim} did not answer /health within 30 s");
        RoomAnswer? landed = null;
        var tries = new List<RoomAnswer>();
        for (var i = 0; i < 10 && landed is null; i++)
        {
            var created = await run.CreateRoomAsync();
            tries.Add(created);
            landed = At(run, created) == Victim ? created : null;
        }

        Assert.True(landed is not null, $"(e) expected a create-room to land on the restarted {Victim} within 10 tries; saw {string.Join("; ", tries)}");
        output.WriteLine($"{_phase()} restarted {Victim} re-registered and got room {landed!.RoomId}");

        // (b) once more with nobody calling the router: the sweep alone finds the dead instance. The ip-updater evicts
        // after SweepFailuresBeforeEvict failed probes in a row, repeating a failed probe within the same sweep after
        // ConfirmDelay, so the bound is one sweep interval, the confirming probes and slack.
        var sweepOnly = Stopwatch.StartNew();
        LocalRun.KillNine(restarted.Id);
        output.WriteLine($"{_phase()} kill -9 the restarted {Victim} pid {restarted.Id}; no router calls until it is evicted");
        var sweepBound = Sweep + (ConfirmDelay * (SweepFailuresBeforeEvict - 1)) + Slack;
        var bySweep = await PollEvictionAsync(run, sweepOnly, sweepBound + TimeSpan.FromSeconds(5));
        output.WriteLine(bySweep is { } swept
            ? $"kill-to-eviction by the sweep alone: {swept.TotalMilliseconds:0} ms (sweep @every {Sweep.TotalSeconds:0}s, {SweepFailuresBeforeEvict} failed probes {ConfirmDelay.TotalSeconds:0} s apart to evict)"
            : $"kill-to-eviction by the sweep alone: {Victim} still listed after {(sweepBound + TimeSpan.FromSeconds(5)).TotalSeconds:0} s");
        Assert.True(bySweep is not null && bySweep <= sweepBound,
            $"(b) expected the sweep alone to evict {Victim} within {sweepBound.TotalSeconds:0} s of the kill, saw {(bySweep is { } b ? $"{b.TotalMilliseconds:0} ms" : "it still listed")}");
        var movedJoin = await run.RejoinAsync(landed);
        Assert.True(movedJoin.Ok && At(run, movedJoin) == Live, $"(c) rejoin of room {landed.RoomId} whose instance the sweep evicted: expected 200 on {Live}, saw {movedJoin}");

        // (f) a graceful stop and start of the whole run on the same data dir keeps the live instance's rooms and
        // clients: the two clients still connected on it reconnect afterwards with the tickets they had.
        await CloseAsync(victimHost, victimPeer);
        await run.StopAppAsync(restarted, TimeSpan.FromSeconds(10));
        var goingAway = liveReceiver.CloseStatus is null ? receiving : Task.CompletedTask;
        await run.StopDevHostAsync(TimeSpan.FromSeconds(30));
        await goingAway.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        output.WriteLine($"{_phase()} devhost stopped (SIGTERM); the live clients saw close {liveReceiver.CloseStatus?.ToString() ?? "none"}");
        Assert.True(liveReceiver.CloseStatus == WebSocketCloseStatus.EndpointUnavailable,
            $"(f) expected the stopping {Live} to close its clients with 1001, saw {liveReceiver.CloseStatus?.ToString() ?? liveReceiver.State.ToString()}");
        await run.StartDevHostAsync(StartLimit);
        output.WriteLine($"{_phase()} devhost ready again on the same data dir");

        // The old seats, held before the restart, connect again with fresh tickets: the router kept the seats and moves
        // the room to an instance of the new run.
        var reconnect = Stopwatch.StartNew();
        var hostTicket = await run.RejoinAsync(onLive[0]);
        using var hostAgain = await ConnectAsync(hostTicket);
        using var peerAgain = await ConnectAsync(await run.RejoinAsync(liveJoin));
        output.WriteLine($"{_phase()} both clients of room {onLive[0].RoomId} reconnected on their old seats in {reconnect.ElapsedMilliseconds} ms");
        var after = new List<int>();
        _ = ReceiveNumbersAsync(peerAgain, after);
        await hostAgain.SendAsync(new byte[] { 0, 0, 0, 0 }, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
        var arrived = await Polling.WaitForAsync(() => Task.FromResult(Count(after) > 0), TimeSpan.FromSeconds(5));
        Assert.True(arrived, $"(f) after the restart, expected a frame from the host of room {onLive[0].RoomId} to reach its peer; none arrived in 5 s");

        var rejoin = await run.JoinRoomAsync(onLive[0].RoomId!, onLive[0].JoinKey);
        Assert.True(rejoin.Ok && rejoin.StreamUrl == hostTicket.StreamUrl,
            $"(f) after the devhost restart, expected join of room {onLive[0].RoomId} to answer 200 on {At(run, hostTicket)}, where its members are; saw {rejoin}");
        output.WriteLine($"{_phase()} after the devhost restart room {onLive[0].RoomId} kept its clients and takes joins on {At(run, rejoin)}");
        await CloseAsync(hostAgain, peerAgain);
    }

    private static string? At(LocalRun run, RoomAnswer answer) => answer.Ok ? run.InstanceOfUrl(answer.StreamUrl) : null;

    private static int Count(List<int> received)
    {
        lock (received)
        {
            return received.Count;
        }
    }

    private static async Task<ClientWebSocket> ConnectAsync(RoomAnswer ticket)
    {
        var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.True(ticket.Ok, $"no ticket to connect with: {ticket}");
        var url = new Uri($"{ticket.StreamUrl}?ticket={Uri.EscapeDataString(ticket.Ticket!)}");
        await socket.ConnectAsync(url, timeout.Token);
        return socket;
    }

    private static async Task<int> SendNumbersAsync(ClientWebSocket socket, CancellationToken stop)
    {
        var frame = new byte[4];
        var next = 0;
        while (!stop.IsCancellationRequested)
        {
            BinaryPrimitives.WriteInt32BigEndian(frame, next);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await socket.SendAsync(frame, WebSocketMessageType.Binary, endOfMessage: true, timeout.Token);
            next++;
            try
            {
                await Task.Delay(10, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }

        return next;
    }

    private static async Task ReceiveNumbersAsync(ClientWebSocket socket, List<int> received)
    {
        var buffer = new byte[64];
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            if (result.Count == 4 && result.EndOfMessage)
            {
                lock (received)
                {
                    received.Add(BinaryPrimitives.ReadInt32BigEndian(buffer));
                }
            }
        }
    }

    private static async Task<TimeSpan?> PollEvictionAsync(LocalRun run, Stopwatch clock, TimeSpan limit)
    {
        while (clock.Elapsed < limit)
        {
            if (await run.TryInstancesAsync() is { } instances && !instances.Contains(Victim))
            {
                return clock.Elapsed;
            }

            await Task.Delay(50);
        }

        return null;
    }

    private static async Task CloseAsync(params ClientWebSocket[] sockets)
    {
        foreach (var socket in sockets)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                if (socket.State == WebSocketState.Open)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
            }
        }
    }
}
