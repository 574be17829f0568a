using System.Net;
using AvatarStream.RoomRouter.Instances;
using AvatarStream.RoomRouter.Tests.Integration.Harness;

namespace AvatarStream.RoomRouter.Tests.Integration;

// The room and seat limits under a burst of parallel requests, with one router and with two sharing one store.
public class LimitTests
{
    private const int MaxRooms = 100;
    private const int MaxClients = 50;

    // One router; two on one cluster object; two on their own clusters over one SQLite file, as two processes.
    public static TheoryData<int, ClusterStore, bool> Topologies => new()
    {
        { 1, ClusterStore.InMemory, false },
        { 2, ClusterStore.InMemory, false },
        { 2, ClusterStore.Sqlite, true },
    };

    [Theory]
    [MemberData(nameof(Topologies))]
    public async Task ParallelCreates_BeyondMaxRooms_ExactlyMaxRoomsSucceed_TheRestAre429(int routers, ClusterStore store, bool clusterPerRouter)
    {
        await using var bed = Testbed.Create(store);
        // A /register slower than RegisterTimeout evicts its instance and frees its rooms' places under the limit, which
        // would let more creates through. On a loaded machine a burst of 500 can take longer than the production 2 s per
        // /register, so the bound is set where no live stand-in reaches it: this test is about the limit, not eviction.
        var nodes = await StartRoutersAsync(
            bed,
            routers,
            clusterPerRouter,
            ("Rooms:MaxRooms", MaxRooms.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Rooms:RegisterTimeout", "00:00:30"),
            ("Rooms:ReservationTtl", "00:02:00"));
        await bed.StartStreamAsync("stream-1");
        await bed.StartStreamAsync("stream-2");

        var answers = await Burst.SendAsync(500, i => nodes[i % nodes.Count].Client.PostAsync("/create-room", null));
        Assert.Equal(["stream-1", "stream-2"], (await nodes[0].Service<InstanceRegistry>().ReadFreshAsync(CancellationToken.None)).Keys.Order());

        var created = answers.Where(a => a.Status == HttpStatusCode.OK).Select(a => TicketJson.Read(a.Body).RoomId).ToList();
        var refused = answers.Where(a => a.Status != HttpStatusCode.OK).ToList();
        Assert.Equal(MaxRooms, created.Count);
        Assert.Equal(MaxRooms, created.Distinct().Count());
        Assert.All(refused, a =>
        {
            Assert.True(a.Status == HttpStatusCode.TooManyRequests, $"{(int)a.Status}: {a.Body}");
            Assert.NotNull(a.RetryAfter);
        });
        Assert.Equal(created.ToHashSet(), await StoredRooms.ActorIdsAsync(bed.Cluster));
        var ledger = await StoredRooms.LedgerAsync(bed.Cluster);
        Assert.Equal(created.Order(), ledger.Keys.Order());
        Assert.DoesNotContain(ledger.Values, row => row.Pending);
    }

    [Theory]
    [MemberData(nameof(Topologies))]
    public async Task ParallelJoins_IntoOneRoom_FillItToMaxClients_CreatorIncluded(int routers, ClusterStore store, bool clusterPerRouter)
    {
        await using var bed = Testbed.Create(store);
        var nodes = await StartRoutersAsync(bed, routers, clusterPerRouter, ("Rooms:MaxClientsPerRoom", MaxClients.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var stream = await bed.StartStreamAsync("stream-1");
        var room = await nodes[0].Client.PostAsync("/create-room", null).ReadTicketAsync();

        var answers = await Burst.SendAsync(200, i => nodes[i % nodes.Count].Client.PostAsync(
            "/join-room", new StringContent($$"""{"room_id":"{{room.RoomId}}"}""", System.Text.Encoding.UTF8, "application/json")));

        var joined = answers.Where(a => a.Status == HttpStatusCode.OK).Select(a => TicketJson.Read(a.Body).ClientId).ToList();
        Assert.Equal(MaxClients - 1, joined.Count);
        Assert.Equal(MaxClients - 1, joined.Distinct().Count());
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a =>
        {
            Assert.True(a.Status == HttpStatusCode.TooManyRequests, $"{(int)a.Status}: {a.Body}");
            Assert.NotNull(a.RetryAfter);
        });
        Assert.Equal(joined.Append(room.ClientId).Order(), stream.Registered.Select(r => r.ClientId).Order());
    }

    [Theory]
    [MemberData(nameof(Topologies))]
    public async Task ParallelCreatesAndRejoins_AcrossAMove_HoldTheRoomLimit_AndPlaceEachMovedRoomOnce(int routers, ClusterStore store, bool clusterPerRouter)
    {
        const int maxRooms = 40;
        await using var bed = Testbed.Create(store);
        var nodes = await StartRoutersAsync(
            bed,
            routers,
            clusterPerRouter,
            ("Rooms:MaxRooms", maxRooms.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Rooms:RegisterTimeout", "00:00:30"),
            ("Rooms:ReservationTtl", "00:02:00"));
        var survivor = await bed.StartStreamAsync("stream-1");
        var dying = await bed.StartStreamAsync("stream-2");
        var before = new List<Contracts.RoomTicket>();
        for (var i = 0; i < 20; i++)
        {
            before.Add(await nodes[0].CreateRoomAsync().ReadTicketAsync());
        }

        var onDying = before.Where(r => r.StreamUrl == dying.StreamUrl).ToList();
        Assert.NotEmpty(onDying);
        await dying.DisposeAsync();
        var newcomer = await bed.StartStreamAsync("stream-3");

        // Every host of a dead instance's room rejoins at once, three times over, among 200 creates.
        var rejoins = onDying.SelectMany(room => Enumerable.Repeat(room, 3)).ToList();
        var answers = await Burst.SendAsync(200 + rejoins.Count, i => i < rejoins.Count
            ? nodes[i % nodes.Count].Client.PostAsync("/join-room", new StringContent(
                $$"""{"room_id":"{{rejoins[i].RoomId}}","client_id":"{{rejoins[i].ClientId}}"}""", System.Text.Encoding.UTF8, "application/json"))
            : nodes[i % nodes.Count].Client.PostAsync("/create-room", null));

        var rejoined = answers.Take(rejoins.Count).ToList();
        Assert.All(rejoined, a => Assert.True(a.Status == HttpStatusCode.OK, $"{(int)a.Status}: {a.Body}"));
        foreach (var group in rejoined.Select(a => TicketJson.Read(a.Body)).GroupBy(t => t.RoomId))
        {
            Assert.Single(group.Select(t => t.StreamUrl).Distinct());
            Assert.NotEqual(dying.StreamUrl, group.First().StreamUrl);
        }

        var placements = survivor.Placed.Concat(newcomer.Placed).GroupBy(p => p.RoomId).ToList();
        Assert.Equal(onDying.Select(r => r.RoomId).Order(), placements.Select(g => g.Key).Order());
        Assert.All(placements, g => Assert.Single(g.Select(p => p.Era).Distinct()));
        Assert.DoesNotContain(placements, g => survivor.Placed.Any(p => p.RoomId == g.Key) && newcomer.Placed.Any(p => p.RoomId == g.Key));

        var created = answers.Skip(rejoins.Count).Count(a => a.Status == HttpStatusCode.OK);
        Assert.Equal(maxRooms - before.Count, created);
        Assert.All(answers.Skip(rejoins.Count).Where(a => a.Status != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.TooManyRequests, a.Status));
        var ledger = await StoredRooms.LedgerAsync(bed.Cluster);
        Assert.Equal(maxRooms, ledger.Count);
        Assert.DoesNotContain(ledger.Values, row => row.Pending || row.Moving || row.InstanceId == dying.AppId);
    }

    private static async Task<IReadOnlyList<RouterNode>> StartRoutersAsync(Testbed bed, int count, bool clusterPerRouter, params (string, string)[] settings)
    {
        var nodes = new List<RouterNode>();
        for (var i = 0; i < count; i++)
        {
            nodes.Add(await bed.StartRouterAsync(clusterPerRouter ? bed.OpenCluster() : bed.Cluster, settings));
        }

        foreach (var node in nodes)
        {
            await node.WaitForActorHostsAsync(count);
        }

        return nodes;
    }
}
