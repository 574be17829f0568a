using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Actors;
using AvatarStream.RoomRouter.Tests.Fakes;
using Dapr.Actors;
using Dapr.Actors.Runtime;

namespace AvatarStream.RoomRouter.Tests;

// The room actor's v2 rules: roles and names, the join window, the room's own limit, bars, and ending the room.
// State goes through JSON (FakeActorStateManager), so each rule must also survive being stored.
public class RoomActorPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeActorStateManager _state = new();

    private RoomActor NewActor() =>
        new(ActorHost.CreateForTest<RoomActor>(new ActorTestOptions { ActorId = new ActorId("00157") }), _state);

    private static JoinRoomArgs Joining(string clientId, DateTimeOffset at, string? held = null, string name = MemberNames.Default) =>
        new(clientId, 50, at, at.AddSeconds(30), held, name);

    [Fact]
    public async Task Join_ANewClient_GetsTheGuestRoleItsNameAndTheRoomsSettings()
    {
        var settings = new RoomSettings(Lobby: true, JoinClosesAt: Now.AddMinutes(10));
        await NewActor().CreateAsync(new CreateRoomArgs("stream-1", "host", Now, "Hana", settings, MaxClients: 3));

        var result = await NewActor().JoinAsync(Joining("guest", Now, name: "Gus"));

        Assert.Equal(new JoinRoomResult(JoinRoomStatus.Joined, "stream-1", "guest", RoomRoles.Guest, "Gus", settings, Knocking: true), result);
    }

    [Fact]
    public async Task Join_RejoinOfTheHost_AnswersTheHostRoleAndItsOwnName()
    {
        await NewActor().CreateAsync(new CreateRoomArgs("stream-1", "host", Now, "Hana"));

        var result = await NewActor().JoinAsync(Joining("new", Now, held: "host", name: "Not Hana"));

        Assert.Equal(("host", RoomRoles.Host, "Hana"), (result.ClientId, result.Role, result.Name));
    }

    [Fact]
    public async Task Join_TheRoomsOwnClientLimit_Holds()
    {
        await NewActor().CreateAsync(new CreateRoomArgs("stream-1", "host", Now, MaxClients: 2));
        await NewActor().JoinAsync(Joining("guest", Now));

        Assert.Equal(JoinRoomStatus.RoomFull, (await NewActor().JoinAsync(Joining("late", Now))).Status);
    }

    [Fact]
    public async Task Join_PastTheJoinWindow_RefusesNewIdentities_ButNotHeldSeats()
    {
        await NewActor().CreateAsync(new CreateRoomArgs("stream-1", "host", Now, Settings: new RoomSettings(JoinClosesAt: Now.AddMinutes(1))));
        var later = Now.AddMinutes(2);

        Assert.Equal(JoinRoomStatus.JoinWindowClosed, (await NewActor().JoinAsync(Joining("late", later))).Status);
        Assert.Equal(JoinRoomStatus.JoinWindowClosed, (await NewActor().JoinAsync(Joining("late", later, held: "stranger"))).Status);
        Assert.Equal("host", (await NewActor().JoinAsync(Joining("late", later, held: "host"))).ClientId);
    }

    [Fact]
    public async Task RemoveClient_WithBar_KeepsTheIdentityOut_AndWithoutLetsItJoinAnew()
    {
        await NewActor().CreateAsync(new CreateRoomArgs("stream-1", "host", Now));
        await NewActor().JoinAsync(Joining("removed", Now));
        await NewActor().JoinAsync(Joining("left", Now));

        Assert.Equal(RemoveClientStatus.Removed, (await NewActor().RemoveClientUnlessLastAsync(new RemoveClientArgs("removed", Now, Bar: true))).Status);
        Assert.Equal(RemoveClientStatus.Removed, (await NewActor().RemoveClientUnlessLastAsync(new RemoveClientArgs("left", Now))).Status);

        Assert.Equal(JoinRoomStatus.Barred, (await NewActor().JoinAsync(Joining("new-1", Now, held: "removed"))).Status);
        Assert.Equal("new-2", (await NewActor().JoinAsync(Joining("new-2", Now, held: "left"))).ClientId);
    }

    [Fact]
    public async Task RemoveClient_WithBar_OfAClientThatHoldsNoSeat_StillBarsIt()
    {
        await NewActor().CreateAsync(new CreateRoomArgs("stream-1", "host", Now));

        Assert.Equal(RemoveClientStatus.NotMember, (await NewActor().RemoveClientAsync(new RemoveClientArgs("knocker", Now, Bar: true))).Status);

        Assert.Equal(JoinRoomStatus.Barred, (await NewActor().JoinAsync(Joining("new", Now, held: "knocker"))).Status);
    }

    [Fact]
    public async Task End_FreesTheSeats_TellsJoinsTheRoomEnded_AndLooksLikeNoRoomToEverythingElse()
    {
        await NewActor().CreateAsync(new CreateRoomArgs("stream-1", "host", Now));
        await NewActor().JoinAsync(Joining("guest", Now));

        await NewActor().EndAsync();
        await NewActor().EndAsync();

        Assert.Equal(JoinRoomStatus.Ended, (await NewActor().JoinAsync(Joining("new", Now))).Status);
        Assert.Equal(JoinRoomStatus.Ended, (await NewActor().JoinAsync(Joining("new", Now, held: "host"))).Status);
        Assert.Null((await NewActor().GetAsync()).Room);
        Assert.Empty((await NewActor().GetClientsAsync(new ClientsArgs(Now))).Clients);
        Assert.False((await NewActor().ConfirmClientAsync(new ConfirmClientArgs("guest", "stream-1", 0))).Confirmed);
        Assert.Equal(RemoveClientStatus.NotFound, (await NewActor().RemoveClientUnlessLastAsync(new RemoveClientArgs("guest", Now))).Status);
        Assert.Equal(RemoveClientStatus.NotFound, (await NewActor().RemoveClientAsync(new RemoveClientArgs("host", Now))).Status);
    }

    [Fact]
    public async Task End_OfNoRoom_StoresNothing()
    {
        await NewActor().EndAsync();

        Assert.Empty(_state.Keys);
    }

    [Fact]
    public async Task Create_OverAnEndedRoom_IsANewRoom()
    {
        await NewActor().CreateAsync(new CreateRoomArgs("stream-1", "old-host", Now));
        await NewActor().EndAsync();

        await NewActor().CreateAsync(new CreateRoomArgs("stream-2", "host", Now));

        Assert.Equal(new RoomSnapshot("stream-2", 1, Now), (await NewActor().GetAsync()).Room);
        Assert.Equal(JoinRoomStatus.Joined, (await NewActor().JoinAsync(Joining("guest", Now))).Status);
    }
}
