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
        _registry = new RoomRegistry(new RelayOptions { ClaimTimeout = TimeSpan.FromSeconds(60) }, _departures, _metrics, _time, NullLogger<RoomRegistry>.Instance);

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

    public void Dispose() => _registry.Dispose();
}
