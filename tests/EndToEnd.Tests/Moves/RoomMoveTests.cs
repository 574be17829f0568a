using System.Diagnostics;
using System.Net.Http.Json;
using AvatarStream.Client;
using AvatarStream.Contracts;
using Xunit.Abstractions;

namespace AvatarStream.EndToEnd.Tests.Moves;

// Rooms outlive their stream instance, in the local run with every app as its own process: two members on the client
// library keep streaming to each other through a kill -9 of their instance, a graceful drain of the next one, and a
// false eviction of the one after, with no call by the test but what the client library does on its own.
public sealed class RoomMoveTests(ITestOutputHelper output)
{
    // Only bounds against hanging, never speed checks: the times are printed, and docs/benchmarks.md keeps them.
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan BackLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TwoMembers_KeepStreaming_ThroughAKill9_ADrain_AndAFalseEviction_InTheSameRoom()
    {
        await LocalRun.PlayAsync(StartLimit, output, ScenarioAsync);
    }

    private async Task ScenarioAsync(LocalRun run)
    {
        var router = new RoomRouterClient(run.Http);
        var created = await router.CreateRoomAsync(name: "Hana");
        var joined = await router.JoinRoomAsync(created.RoomId, name: "Gus", key: created.JoinKey);
        await using var host = await StreamingMember.JoinAsync(router, created, created.JoinKey!);
        await using var guest = await StreamingMember.JoinAsync(router, joined, created.JoinKey!);
        await MovedAndStreamingAsync("at the start", Stopwatch.GetTimestamp(), (0, 0), host, guest);

        // 1. kill -9 of the instance hosting the room.
        var first = Instance(run, host);
        var welcomes = (host.Welcomes, guest.Welcomes);
        var killed = Stopwatch.GetTimestamp();
        LocalRun.KillNine(run.PidOf(first));
        output.WriteLine($"kill -9 {first} (pid {run.PidOf(first)})");
        var afterKill = await MovedAndStreamingAsync($"after kill -9 of {first}", killed, welcomes, host, guest);
        var second = Instance(run, host);
        Assert.NotEqual(first, second);
        AssertSameRoom(created, host, guest, second, run);
        output.WriteLine($"kill-to-streaming: {afterKill.TotalMilliseconds:0} ms (both members back on {second}, room {created.RoomId})");

        // The killed instance starts again (a new process, a new boot id): it announces itself and takes rooms again.
        var restarted = run.StartApp(first, "StreamService");
        Assert.True(await Polling.WaitForAsync(async () => (await run.TryInstancesAsync())?.Contains(first) == true, BackLimit), $"{first} was not listed again after its restart");

        // 2. a graceful drain of the instance the room is on now: the members move without seeing an error.
        welcomes = (host.Welcomes, guest.Welcomes);
        var drained = Stopwatch.GetTimestamp();
        var report = await DrainAsync(run, second);
        output.WriteLine($"drained {second}: {report.Rooms} rooms, {report.Sockets} sockets closed with 1001");
        Assert.Equal((1, 2), (report.Rooms, report.Sockets));
        var afterDrain = await MovedAndStreamingAsync($"after the drain of {second}", drained, welcomes, host, guest);
        AssertSameRoom(created, host, guest, first, run);
        Assert.False((await run.TryInstancesAsync())?.Contains(second), $"the drained {second} is still listed");
        output.WriteLine($"drain-to-streaming: {afterDrain.TotalMilliseconds:0} ms (both members back on {first})");

        // 3. a false eviction of the live instance the room is on: it is announced again within a few seconds, in a new
        // era, drops what it held, and the members come back to it.
        welcomes = (host.Welcomes, guest.Welcomes);
        var evicted = Stopwatch.GetTimestamp();
        using (var eviction = await run.Internal.PostAsJsonAsync("/evict-instance", new EvictInstanceRequest(first), ContractJson.Options))
        {
            eviction.EnsureSuccessStatusCode();
        }

        Assert.True(await Polling.WaitForAsync(async () => (await run.TryInstancesAsync())?.Contains(first) == true, BackLimit), $"the falsely evicted {first} was not announced again");
        output.WriteLine($"eviction-to-announced-again: {Stopwatch.GetElapsedTime(evicted).TotalMilliseconds:0} ms");
        var afterEviction = await MovedAndStreamingAsync($"after the false eviction of {first}", evicted, welcomes, host, guest);
        AssertSameRoom(created, host, guest, first, run);
        output.WriteLine($"false-eviction-to-streaming: {afterEviction.TotalMilliseconds:0} ms");
        Assert.True((host.SendsThrown, guest.SendsThrown) == (0, 0), $"a send threw instead of answering false ({await DescribeAsync([host, guest])})");
        await run.StopAppAsync(restarted, TimeSpan.FromSeconds(10));
    }

    // Waits until each member started a fresh session (a welcome beyond the counts before) and then received a frame
    // from the other; the time from since to the later of the two members' first frames.
    private async Task<TimeSpan> MovedAndStreamingAsync(string when, long since, (int Host, int Guest) welcomesBefore, params StreamingMember[] members)
    {
        int[] before = [welcomesBefore.Host, welcomesBefore.Guest];
        var back = new long[members.Length];
        for (var i = 0; i < members.Length; i++)
        {
            Assert.True(
                await members[i].WelcomedAfterAsync(before[i], BackLimit),
                $"{when}: member {i} started no fresh session within {BackLimit.TotalSeconds:0} s ({await DescribeAsync(members)})");
            var frame = await members[i].FrameAfterAsync(members[i].LastWelcomeAt, BackLimit);
            Assert.True(frame is not null, $"{when}: member {i} received no frame after its welcome within {BackLimit.TotalSeconds:0} s ({await DescribeAsync(members)})");
            back[i] = frame.Value;
        }

        return Stopwatch.GetElapsedTime(since, back.Max());
    }

    private static async Task<string> DescribeAsync(StreamingMember[] members)
    {
        var described = new List<string>();
        foreach (var (member, i) in members.Select((m, i) => (m, i)))
        {
            described.Add($"member {i}: ended {member.Ended}{(member.Ended ? " " + await member.Completion : string.Empty)}, welcomes {member.Welcomes}: {member.History}");
        }

        return string.Join(" | ", described);
    }

    private static void AssertSameRoom(RoomTicket created, StreamingMember host, StreamingMember guest, string instance, LocalRun run)
    {
        Assert.Equal((created.RoomId, created.ClientId), (host.Ticket.RoomId, host.Ticket.ClientId));
        Assert.Equal(created.RoomId, guest.Ticket.RoomId);
        Assert.Equal(instance, run.InstanceOfUrl(host.Ticket.StreamUrl));
        Assert.Equal(instance, run.InstanceOfUrl(guest.Ticket.StreamUrl));
    }

    private static string Instance(LocalRun run, StreamingMember member) =>
        run.InstanceOfUrl(member.Ticket.StreamUrl) ?? throw new InvalidOperationException($"unknown stream URL {member.Ticket.StreamUrl}");

    private static async Task<DrainReport> DrainAsync(LocalRun run, string instanceId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(run.Topology[instanceId].AppUrl + InternalRoutes.Drain));
        request.Headers.Authorization = run.Internal.DefaultRequestHeaders.Authorization;
        using var response = await run.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<DrainReport>(ContractJson.Options))!;
    }
}
