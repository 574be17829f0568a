using System.Net;
using System.Text;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AvatarStream.RoomRouter.Tests;

// A router that died half-way leaves pending rows; the repair settles them from the room actors' state.
public class LedgerRepairTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private RouterApplication NewApp() =>
        new(("Rooms:MaxRooms", "1"), ("Rooms:RepairInterval", "01:00:00")) { Clock = _clock };

    [Fact]
    public async Task CrashAfterReserving_RowIsDroppedOnceExpired_AndItsPlaceFreed()
    {
        await using var app = NewApp();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var ledger = app.Services.GetRequiredService<RoomLedger>();
        Assert.NotNull(await ledger.ReserveAsync("stream-1", _clock.GetUtcNow().AddSeconds(30), CancellationToken.None));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync("/create-room", null)).StatusCode);

        var repair = app.Services.GetRequiredService<LedgerRepair>();
        Assert.Equal(0, await repair.RunOnceAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await repair.RunOnceAsync(CancellationToken.None));

        await client.PostAsync("/create-room", null).ReadTicketAsync();
    }

    [Fact]
    public async Task CrashAfterCreatingTheActor_RowIsCommittedOnceExpired_AndTheRoomWorks()
    {
        await using var app = NewApp();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var ledger = app.Services.GetRequiredService<RoomLedger>();
        var reservation = (await ledger.ReserveAsync("stream-1", _clock.GetUtcNow().AddSeconds(30), CancellationToken.None))!.Value;
        var roomId = reservation.RoomId.ToString();
        await app.Actors.Get(roomId).CreateAsync(new CreateRoomArgs("stream-1", Guid.NewGuid().ToString(), _clock.GetUtcNow()));

        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await app.Services.GetRequiredService<LedgerRepair>().RunOnceAsync(CancellationToken.None));

        var joined = await client.PostAsync("/join-room", new StringContent($$"""{"room_id":"{{roomId}}"}""", Encoding.UTF8, "application/json")).ReadTicketAsync();
        Assert.Equal(roomId, joined.RoomId);
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await app.Services.GetRequiredService<LedgerRepair>().RunOnceAsync(CancellationToken.None));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync("/create-room", null)).StatusCode);
    }

    [Fact]
    public async Task CreateThatFailsAfterReserving_LeavesNoPendingRow()
    {
        await using var app = NewApp();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        app.Streams.Failure = new HttpRequestException("sidecar unreachable");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.PostAsync("/create-room", null)).StatusCode);

        app.Streams.Failure = null;
        await client.PostAsync("/create-room", null).ReadTicketAsync();
    }
}
