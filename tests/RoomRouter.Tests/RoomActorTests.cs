using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Actors;
using AvatarStream.RoomRouter.Tests.Fakes;
using Dapr.Actors;
using Dapr.Actors.Runtime;

namespace AvatarStream.RoomRouter.Tests;

public class RoomActorTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeActorStateManager _state = new();

    private RoomActor NewActor() =>
        new(ActorHost.CreateForTest<RoomActor>(new ActorTestOptions { ActorId = new ActorId("00157") }), _state);

    [Fact]
    public async Task Create_StoresTheRoomWithItsHost()
    {
        var snapshot = await NewActor().CreateAsync(new CreateRoomArgs("stream-1", "host", Now));

        Assert.Equal(new RoomSnapshot("stream-1", 1, Now), snapshot);
        Assert.Equal(snapshot, (await NewActor().GetAsync()).Room);
    }

    [Fact]
    public async Task Create_OverwritesALeftoverRoom()
    {
        await NewActor().CreateAsync(new CreateRoomArgs("stream-1", "old-host", Now));
        await NewActor().JoinAsync(new JoinRoomArgs("old-guest", 5, Now, Now.AddSeconds(30)));

        var snapshot = await NewActor().CreateAsync(new CreateRoomArgs("stream-2", "host", Now));

        Assert.Equal(new RoomSnapshot("stream-2", 1, Now), snapshot);
    }

    [Fact]
    public async Task Get_NoRoom_SaysSo()
    {
        Assert.Null((await NewActor().GetAsync()).Room);
    }

    [Fact]
    public async Task Join_ReservesASeatOnTheRoomsInstance()
    {
        await NewActor().CreateAsync(new CreateRoomArgs("stream-1", "host", Now, JoinKey: "key"));

        var result = await NewActor().JoinAsync(new JoinRoomArgs("guest", 2, Now, Now.AddSeconds(30), Key: "key"));

        Assert.Equal(new JoinRoomResult(JoinRoomStatus.Joined, "stream-1", "guest", RoomRoles.Guest, MemberNames.Default, new RoomSettings()), result);
        Assert.Equal(2, (await NewActor().GetAsync()).Room?.ClientCount);
    }

    [Fact]
    public async Task Join_FullRoom_IsRefused()
    {
        await NewActor().CreateAsync(new CreateRoomArgs("stream-1", "host", Now));
        await NewActor().JoinAsync(new JoinRoomArgs("guest", 2, Now, Now.AddSeconds(30)));

        var result = await NewActor().JoinAsync(new JoinRoomArgs("late", 2, Now, Now.AddSeconds(30)));

        Assert.Equal(JoinRoomStatus.RoomFull, result.Status);
    }

    [Fact]
    public async Task Join_SeatWhosePendingDeadlinePassed_IsGivenToTheNextClient()
    {
        await NewActor().CreateAsync(new CreateRoomArgs("stream-1", "host", Now));
        await NewActor().JoinAsync(new JoinRoomArgs("ghost", 2, Now, Now.AddSeconds(30)));

        var result = await NewActor().JoinAsync(new JoinRoomArgs("guest", 2, Now.AddSeconds(31), Now.AddSeconds(61)));

        Assert.Equal(JoinRoomStatus.Joined, result.Status);
        Assert.Equal(2, (await NewActor().GetAsync()).Room?.ClientCount);
    }

    [Fact]
    public async Task Join_NoRoom_IsNotFound()
    {
        var result = await NewActor().JoinAsync(new JoinRoomArgs("guest", 2, Now, Now.AddSeconds(30)));

        Assert.Equal(new JoinRoomResult(JoinRoomStatus.NotFound, null), result);
    }

    [Fact]
    public async Task ConfirmClient_KeepsTheSeatPastItsDeadline()
    {
        await NewActor().CreateAsync(new CreateRoomArgs("stream-1", "host", Now));
        await NewActor().JoinAsync(new JoinRoomArgs("guest", 3, Now, Now.AddSeconds(30)));

        Assert.True((await NewActor().ConfirmClientAsync(new ConfirmClientArgs("guest", "stream-1", 0))).Confirmed);
        await NewActor().JoinAsync(new JoinRoomArgs("third", 3, Now.AddHours(1), Now.AddHours(1).AddSeconds(30)));

        Assert.Equal(3, (await NewActor().GetAsync()).Room?.ClientCount);
    }

    [Fact]
    public async Task ConfirmClient_UnknownClientOrRoom_IsRefused()
    {
        Assert.False((await NewActor().ConfirmClientAsync(new ConfirmClientArgs("guest", "stream-1", 0))).Confirmed);
        await NewActor().CreateAsync(new CreateRoomArgs("stream-1", "host", Now));
        Assert.False((await NewActor().ConfirmClientAsync(new ConfirmClientArgs("guest", "stream-1", 0))).Confirmed);
    }

    [Fact]
    public async Task RemoveClient_LastOne_EndsTheRoomAndDeletesItsState()
    {
        await NewActor().CreateAsync(new CreateRoomArgs("stream-1", "host", Now));
        await NewActor().JoinAsync(new JoinRoomArgs("guest", 5, Now, Now.AddSeconds(30)));

        Assert.Equal(RemoveClientStatus.Removed, (await NewActor().RemoveClientAsync(new RemoveClientArgs("host", Now))).Status);
        Assert.Equal(RemoveClientStatus.RoomEnded, (await NewActor().RemoveClientAsync(new RemoveClientArgs("guest", Now))).Status);

        Assert.Empty(_state.Keys);
        Assert.Equal(RemoveClientStatus.NotFound, (await NewActor().RemoveClientAsync(new RemoveClientArgs("guest", Now))).Status);
    }

    [Fact]
    public async Task RemoveClient_NonMember_ChangesNothing()
    {
        await NewActor().CreateAsync(new CreateRoomArgs("stream-1", "host", Now));

        Assert.Equal(RemoveClientStatus.NotMember, (await NewActor().RemoveClientAsync(new RemoveClientArgs("stranger", Now))).Status);
        Assert.Equal(1, (await NewActor().GetAsync()).Room?.ClientCount);
    }

    [Fact]
    public async Task Delete_IsIdempotent()
    {
        await NewActor().CreateAsync(new CreateRoomArgs("stream-1", "host", Now));

        await NewActor().DeleteAsync();
        await NewActor().DeleteAsync();

        Assert.Null((await NewActor().GetAsync()).Room);
    }

    [Fact]
    public async Task DeleteIfHost_DeletesOnlyTheRoomOfThatHost()
    {
        await NewActor().CreateAsync(new CreateRoomArgs("stream-1", "later-host", Now));

        Assert.False((await NewActor().DeleteIfHostAsync(new ClientArgs("earlier-host"))).Deleted);
        Assert.NotNull((await NewActor().GetAsync()).Room);

        Assert.True((await NewActor().DeleteIfHostAsync(new ClientArgs("later-host"))).Deleted);
        Assert.Null((await NewActor().GetAsync()).Room);
        Assert.False((await NewActor().DeleteIfHostAsync(new ClientArgs("later-host"))).Deleted);
    }

    [Fact]
    public async Task GetClients_ListsAdmittedAndUnexpiredPendingClients_WithRolesNamesAndTheRoomsSettings()
    {
        var none = await NewActor().GetClientsAsync(new ClientsArgs(Now));
        Assert.Null(none.InstanceId);
        Assert.Empty(none.Clients);
        Assert.Null(none.Settings);
        var settings = new RoomSettings(Lobby: true, JoinClosesAt: Now.AddHours(1));
        await NewActor().CreateAsync(new CreateRoomArgs("stream-2", "host", Now, "Hana", settings));
        await NewActor().JoinAsync(new JoinRoomArgs("admitted", 5, Now, Now.AddSeconds(30), Name: "Ada"));
        await NewActor().ConfirmClientAsync(new ConfirmClientArgs("admitted", "stream-1", 0));
        await NewActor().JoinAsync(new JoinRoomArgs("pending", 5, Now, Now.AddSeconds(30)));
        await NewActor().JoinAsync(new JoinRoomArgs("expired", 5, Now, Now.AddSeconds(5)));

        var clients = await NewActor().GetClientsAsync(new ClientsArgs(Now.AddSeconds(10)));

        Assert.Equal("stream-2", clients.InstanceId);
        Assert.Equal(settings, clients.Settings);
        Assert.Equal(
            [new HostedClient("admitted", RoomRoles.Guest, "Ada", Knock: true), new HostedClient("host", RoomRoles.Host, "Hana"), new HostedClient("pending", RoomRoles.Guest, MemberNames.Default, Knock: true)],
            clients.Clients.OrderBy(c => c.ClientId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Join_WithAHeldSeat_AnswersThatSeat_AndOtherwiseSeatsTheNewClient()
    {
        Assert.Equal(JoinRoomStatus.NotFound, (await NewActor().JoinAsync(new JoinRoomArgs("new", 5, Now, Now.AddSeconds(30), HeldClientId: "host"))).Status);
        await NewActor().CreateAsync(new CreateRoomArgs("stream-1", "host", Now));
        await NewActor().JoinAsync(new JoinRoomArgs("pending", 5, Now, Now.AddSeconds(30)));

        Assert.Equal(
            new JoinRoomResult(JoinRoomStatus.Joined, "stream-1", "host", RoomRoles.Host, MemberNames.Default, new RoomSettings()),
            await NewActor().JoinAsync(new JoinRoomArgs("new-1", 5, Now.AddSeconds(10), Now.AddSeconds(40), HeldClientId: "host")));
        Assert.Equal(2, (await NewActor().GetClientsAsync(new ClientsArgs(Now.AddSeconds(10)))).Clients.Count);
        Assert.Equal("pending", (await NewActor().JoinAsync(new JoinRoomArgs("new-2", 5, Now.AddSeconds(10), Now.AddSeconds(40), HeldClientId: "pending"))).ClientId);
        Assert.Equal("new-3", (await NewActor().JoinAsync(new JoinRoomArgs("new-3", 5, Now.AddSeconds(31), Now.AddSeconds(61), HeldClientId: "pending"))).ClientId);
        Assert.Equal("new-4", (await NewActor().JoinAsync(new JoinRoomArgs("new-4", 5, Now.AddSeconds(31), Now.AddSeconds(61), HeldClientId: "stranger"))).ClientId);
        Assert.Equal(["host", "new-3", "new-4"], (await NewActor().GetClientsAsync(new ClientsArgs(Now.AddSeconds(32)))).Clients.Select(c => c.ClientId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RemoveClientUnlessLast_RemovesOthers_AndLeavesTheLastInPlace()
    {
        Assert.Equal(RemoveClientStatus.NotFound, (await NewActor().RemoveClientUnlessLastAsync(new RemoveClientArgs("host", Now))).Status);
        await NewActor().CreateAsync(new CreateRoomArgs("stream-1", "host", Now));
        await NewActor().JoinAsync(new JoinRoomArgs("guest", 5, Now, Now.AddSeconds(30)));

        Assert.Equal(RemoveClientStatus.Removed, (await NewActor().RemoveClientUnlessLastAsync(new RemoveClientArgs("host", Now))).Status);
        Assert.Equal(RemoveClientStatus.NotMember, (await NewActor().RemoveClientUnlessLastAsync(new RemoveClientArgs("host", Now))).Status);
        Assert.Equal(RemoveClientStatus.LastClient, (await NewActor().RemoveClientUnlessLastAsync(new RemoveClientArgs("guest", Now))).Status);

        Assert.Equal(1, (await NewActor().GetAsync()).Room?.ClientCount);
        Assert.Equal(RemoveClientStatus.RoomEnded, (await NewActor().RemoveClientAsync(new RemoveClientArgs("guest", Now))).Status);
    }
}
