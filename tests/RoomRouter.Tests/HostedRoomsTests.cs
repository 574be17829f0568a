using System.Net.Http.Json;
using System.Text;
using AvatarStream.Contracts;
using Microsoft.Extensions.Time.Testing;

namespace AvatarStream.RoomRouter.Tests;

// GET /instances/{id}/rooms: what a restarted instance needs to seat its rooms' clients again as they were.
public class HostedRoomsTests
{
    [Fact]
    public async Task HostedRooms_CarryEachClientsRoleAndName_AndTheRoomsSettings()
    {
        var start = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        await using var app = new RouterApplication { Clock = new FakeTimeProvider(start) };
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        using var internalClient = app.CreateInternalClient();
        var host = await client.PostAsync(
            "/create-room", new StringContent("""{"name":"Hana","lobby":true,"join_window_seconds":300}""", Encoding.UTF8, "application/json")).ReadTicketAsync();
        var guest = await client.PostAsJsonAsync("/join-room", new { room_id = host.RoomId, name = "Gus" }).ReadTicketAsync();

        var listed = await internalClient.GetFromJsonAsync<InstanceRooms>("/instances/stream-1/rooms", ContractJson.Options);

        var room = Assert.Single(listed!.Rooms);
        Assert.Equal(host.RoomId, room.RoomId);
        Assert.Equal(new RoomSettings(Lobby: true, JoinClosesAt: start.AddSeconds(300)), room.Settings);
        Assert.Equal(
            new[] { new HostedClient(host.ClientId, RoomRoles.Host, "Hana"), new HostedClient(guest.ClientId, RoomRoles.Guest, "Gus", Knock: true) }
                .OrderBy(c => c.ClientId, StringComparer.Ordinal),
            room.Clients.OrderBy(c => c.ClientId, StringComparer.Ordinal));
    }
}
