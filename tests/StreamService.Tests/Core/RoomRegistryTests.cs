using System.Net.WebSockets;
using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AvatarStream.StreamService.Tests.Core;

public sealed class RoomRegistryTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingDepartures _departures = new();
    private readonly RelayMetrics _metrics = CoreFixtures.Metrics();
    private readonly RoomRegistry _registry;

    public RoomRegistryTests() =>
        _registry = new RoomRegistry(new RelayOptions { ClaimTimeout = TimeSpan.FromSeconds(60) }, _departures, new RecordedRecordRequests(), _metrics, _time, NullLogger<RoomRegistry>.Instance);

    [Fact]
    public void RegisterCreatesTheRoomThenSeatsAndIsIdempotent()
    {
        Assert.Equal(RegisterOutcome.RoomCreated, _registry.Register("00157", "a"));
        Assert.Equal(RegisterOutcome.Seated, _registry.Register("00157", "b"));
        Assert.Equal(RegisterOutcome.AlreadySeated, _registry.Register("00157", "b"));

        Assert.Equal(1, _registry.RoomCount);
        Assert.True(_registry.HasSeat("00157", "b"));
        Assert.False(_registry.HasSeat("00158", "b"));
    }

    [Fact]
    public void UnclaimedRegistrationExpiresAfterTheClaimTimeout()
    {
        _registry.Register("00157", "a");

        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.True(_registry.HasSeat("00157", "a"));
        Assert.Empty(_departures.Departed);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(_registry.HasSeat("00157", "a"));
        Assert.Equal([("00157", "a")], _departures.Departed);
        Assert.Equal(0, _registry.RoomCount);
        Assert.Equal(0, _metrics.Rooms);
    }

    [Fact(Timeout = 10_000)]
    public async Task ClaimedRegistrationDoesNotExpire()
    {
        _registry.Register("00157", "a");
        var (server, client) = await LoopbackWebSockets.CreatePairAsync();
        var running = _registry.RunAsync(() => Task.FromResult(server), "00157", "a");

        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.True(_registry.HasSeat("00157", "a"));
        Assert.Empty(_departures.Departed);
        await client.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await running;
        Assert.Equal([("00157", "a")], _departures.Departed);
    }

    [Fact(Timeout = 10_000)]
    public async Task SocketForAnUnregisteredPairIsClosedWithPolicyViolation()
    {
        var (server, client) = await LoopbackWebSockets.CreatePairAsync();

        var running = _registry.RunAsync(() => Task.FromResult(server), "00157", "nobody");
        var result = await client.ReceiveAsync(new byte[16], CancellationToken.None);
        await client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await running;

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, result.CloseStatus);
    }

    [Fact]
    public void AfterCloseAllNoOneHasASeat()
    {
        _registry.Register("00157", "a");

        _registry.CloseAll();

        Assert.Equal(RegisterOutcome.Stopping, _registry.Register("00157", "b"));
        Assert.False(_registry.HasSeat("00157", "a"));
    }

    [Fact(Timeout = 10_000)]
    public async Task DropAllClosesEverySocketWith1001ForgetsTheRoomsAndReportsNoDepartureLater()
    {
        _registry.Register("00157", "v1");
        _registry.Register("00158", "v2");
        _registry.Register("00159", "unclaimed");
        var (v1Server, v1) = await LoopbackWebSockets.CreatePairAsync();
        var v1Running = _registry.RunAsync(() => Task.FromResult(v1Server), "00157", "v1");
        var (v2Server, v2) = await LoopbackWebSockets.CreatePairAsync();
        var v2Running = _registry.RunAsync(_registry.Join("00158", "v2", RoomProtocol.V2), () => Task.FromResult(v2Server));

        var dropped = _registry.DropAll("room moved: rejoin");

        Assert.Equal(new RoomsClosed(3, 2), dropped);
        foreach (var client in new[] { v1, v2 })
        {
            Assert.Equal((WebSocketCloseStatus.EndpointUnavailable, "room moved: rejoin"), await ReceiveUntilCloseAsync(client));
            await client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        await Task.WhenAll(v1Running, v2Running);
        _time.Advance(TimeSpan.FromMinutes(5)); // past the v2 resume grace and the unclaimed seat's claim timeout
        Assert.Empty(_departures.Departed);
        Assert.Empty(_departures.EndedRooms);
        Assert.Equal((0, 0L, 0L), (_registry.RoomCount, _metrics.Rooms, _metrics.Connections));
        Assert.False(_registry.HasSeat("00159", "unclaimed"));
    }

    [Fact(Timeout = 10_000)]
    public async Task AfterDropAllARoomOfTheSameIdIsNewAndItsDeparturesAreReported()
    {
        _registry.Register("00157", "old");
        var (oldServer, old) = await LoopbackWebSockets.CreatePairAsync();
        var oldRunning = _registry.RunAsync(() => Task.FromResult(oldServer), "00157", "old");
        _registry.DropAll("room moved: rejoin");

        Assert.Equal(RegisterOutcome.RoomCreated, _registry.Register("00157", "new"));
        await ReceiveUntilCloseAsync(old);
        await old.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await oldRunning;

        // The dropped room's last socket going does not take the new room with it.
        Assert.Equal(1, _registry.RoomCount);
        _time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal([("00157", "new")], _departures.Departed);
    }

    [Fact(Timeout = 10_000)]
    public async Task WhenNoConnectionsCompletesOnceTheLastSocketIsGone()
    {
        Assert.True(_registry.WhenNoConnectionsAsync().IsCompleted);
        _registry.Register("00157", "a");
        var (server, client) = await LoopbackWebSockets.CreatePairAsync();
        var running = _registry.RunAsync(() => Task.FromResult(server), "00157", "a");
        var idle = _registry.WhenNoConnectionsAsync();

        Assert.False(idle.IsCompleted);
        await client.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await running;
        await idle.WaitAsync(TimeSpan.FromSeconds(5));
    }

    public void Dispose() => _registry.Dispose();

    // Reads up to the close frame: its status and description.
    private static async Task<(WebSocketCloseStatus?, string?)> ReceiveUntilCloseAsync(WebSocket client)
    {
        var buffer = new byte[64 * 1024];
        while ((await client.ReceiveAsync(buffer, CancellationToken.None)).MessageType != WebSocketMessageType.Close)
        {
        }

        return (client.CloseStatus, client.CloseStatusDescription);
    }
}
