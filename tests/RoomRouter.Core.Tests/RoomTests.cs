using AvatarStream.RoomRouter.Core.Rooms;
using Microsoft.Extensions.Time.Testing;

namespace AvatarStream.RoomRouter.Core.Tests;

public class RoomTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private DateTimeOffset Now => _clock.GetUtcNow();

    private const string Key = "the-room-key";

    private Room NewRoom(RoomPolicy? policy = null) => Room.Create("stream-1", 1, "host", "Hana", policy ?? new RoomPolicy(), Now, Key);

    // A join at the current time, with the room's key unless told otherwise, whose seat, unless confirmed, frees itself 30 s later.
    private (JoinStatus Status, string? ClientId, Room Room) Join(
        Room room, string newClientId, int serverLimit = 50, string? held = null, string name = "Guest", string? key = Key) =>
        room.Join(newClientId, held, name, key, serverLimit, Now.AddSeconds(30), Now);

    private static (JoinStatus Status, string? ClientId) Answer((JoinStatus Status, string? ClientId, Room Room) join) => (join.Status, join.ClientId);

    [Fact]
    public void Create_MakesTheCreatorHostAndFirstClient()
    {
        var policy = new RoomPolicy(Lobby: true, JoinClosesAt: Now.AddMinutes(5), MaxClients: 4);

        var room = NewRoom(policy);

        Assert.Equal("host", room.HostClientId);
        Assert.Equal(new Seat(MemberRole.Host, "Hana", null), Assert.Single(room.Clients, c => c.Key == "host").Value);
        Assert.Equal(policy, room.Policy);
        Assert.Empty(room.Barred);
        Assert.False(room.Ended);
        Assert.Equal(Now, room.CreatedAt);
    }

    [Fact]
    public void Join_BelowTheLimit_AddsAPendingGuestSeatWithItsName()
    {
        var (status, clientId, room) = Join(NewRoom(), "guest", serverLimit: 2, name: "Gus");

        Assert.Equal(JoinStatus.Joined, status);
        Assert.Equal("guest", clientId);
        Assert.Equal(new Seat(MemberRole.Guest, "Gus", Now.AddSeconds(30)), room.Clients["guest"]);
    }

    [Fact]
    public void Join_AtTheLimit_IsRefused_PendingSeatsCounting()
    {
        var (_, _, room) = Join(NewRoom(), "guest", serverLimit: 2);

        var (status, clientId, after) = Join(room, "late", serverLimit: 2);

        Assert.Equal(JoinStatus.RoomFull, status);
        Assert.Null(clientId);
        Assert.False(after.Clients.ContainsKey("late"));
    }

    [Fact]
    public void Join_TheRoomsOwnLimit_HoldsBelowTheServers()
    {
        var (_, _, room) = Join(NewRoom(new RoomPolicy(MaxClients: 2)), "guest", serverLimit: 50);

        Assert.Equal(JoinStatus.RoomFull, Join(room, "late", serverLimit: 50).Status);
    }

    [Fact]
    public void Join_AServerLimitLoweredBelowTheRoomsOwn_Holds()
    {
        var (_, _, room) = Join(NewRoom(new RoomPolicy(MaxClients: 10)), "guest", serverLimit: 2);

        Assert.Equal(JoinStatus.RoomFull, Join(room, "late", serverLimit: 2).Status);
    }

    [Fact]
    public void Join_ExpiredPendingSeat_IsFreedForTheNextClient()
    {
        var (_, _, room) = Join(NewRoom(), "ghost", serverLimit: 2);
        _clock.Advance(TimeSpan.FromSeconds(31));

        var (status, _, after) = Join(room, "guest", serverLimit: 2);

        Assert.Equal(JoinStatus.Joined, status);
        Assert.Equal(["guest", "host"], after.Clients.Keys.Order());
    }

    [Fact]
    public void Join_ConfirmedSeat_NeverExpires()
    {
        var (_, _, room) = Join(NewRoom(), "guest", serverLimit: 3);
        Assert.True(room.TryConfirm("guest", "stream-1", 1, out room));
        _clock.Advance(TimeSpan.FromHours(2));

        var (_, _, after) = Join(room, "third", serverLimit: 3);

        Assert.Equal(3, after.Clients.Count);
    }

    [Fact]
    public void Join_WithAHeldSeat_GivesThatSeatBackAsItWas_WithoutANewOne()
    {
        var (_, _, room) = Join(NewRoom(), "guest", name: "Gus");

        var (host, hostId, _) = Join(room, "new-1", held: "host", name: "Someone else");
        var (guest, guestId, after) = Join(room, "new-2", held: "guest", name: "Someone else");

        Assert.Equal((JoinStatus.Joined, "host"), (host, hostId));
        Assert.Equal((JoinStatus.Joined, "guest"), (guest, guestId));
        Assert.Equal(room.Clients.OrderBy(c => c.Key), after.Clients.OrderBy(c => c.Key));
    }

    [Fact]
    public void Join_WithAHeldSeat_PassesTheJoinWindowAndTheLimit()
    {
        var (_, _, room) = Join(NewRoom(new RoomPolicy(JoinClosesAt: Now.AddMinutes(1), MaxClients: 2)), "guest");
        Assert.True(room.TryConfirm("guest", "stream-1", 1, out room));
        _clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal((JoinStatus.Joined, "guest"), Answer(Join(room, "new", held: "guest")));
        Assert.Equal((JoinStatus.Joined, "host"), Answer(Join(room, "new", held: "host")));
    }

    [Fact]
    public void Join_WithAHeldClientIdThatHoldsNoSeat_SeatsANewIdentity()
    {
        var (status, clientId, room) = Join(NewRoom(), "new", held: "stranger");

        Assert.Equal((JoinStatus.Joined, "new"), (status, clientId));
        Assert.False(room.Clients.ContainsKey("stranger"));
    }

    [Fact]
    public void Join_NewIdentity_IsRefusedOnceTheJoinWindowClosed()
    {
        var room = NewRoom(new RoomPolicy(JoinClosesAt: Now.AddSeconds(60)));
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(JoinStatus.Joined, Join(room, "early").Status);

        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(JoinStatus.JoinWindowClosed, Join(room, "late").Status);
        Assert.Equal(JoinStatus.JoinWindowClosed, Join(room, "late", held: "stranger").Status);
    }

    [Fact]
    public void Join_HeldSeatThatExpired_IsANewIdentity_AndSoRefusedPastTheJoinWindow()
    {
        var (_, _, room) = Join(NewRoom(new RoomPolicy(JoinClosesAt: Now.AddSeconds(60))), "never-confirmed");
        _clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(JoinStatus.JoinWindowClosed, Join(room, "new", held: "never-confirmed").Status);
    }

    [Fact]
    public void TryConfirm_AnAdmittedClient_ChangesNothing()
    {
        var room = NewRoom();

        Assert.True(room.TryConfirm("host", "stream-1", 1, out var after));
        Assert.Same(room, after);
    }

    [Fact]
    public void TryConfirm_KeepsTheRoleAndName()
    {
        var (_, _, room) = Join(NewRoom(), "guest", name: "Gus");

        Assert.True(room.TryConfirm("guest", "stream-1", 1, out var after));

        Assert.Equal(new Seat(MemberRole.Guest, "Gus", null), after.Clients["guest"]);
    }

    [Fact]
    public void TryConfirm_UnknownClient_IsRefused()
    {
        Assert.False(NewRoom().TryConfirm("nobody", "stream-1", 1, out _));
    }

    [Fact]
    public void Remove_Member_LeavesTheOthers()
    {
        var (_, _, room) = Join(NewRoom(), "guest");

        var (status, after) = room.Remove("host", bar: false, Now);

        Assert.Equal(RemoveStatus.Removed, status);
        Assert.Equal(["guest"], after.Clients.Keys);
        Assert.Empty(after.Barred);
        Assert.Equal(2, room.Clients.Count);
    }

    [Fact]
    public void Remove_WithBar_FreesTheSeatAndKeepsTheIdentityOut()
    {
        var (_, _, room) = Join(NewRoom(), "guest");

        var (status, after) = room.Remove("guest", bar: true, Now);

        Assert.Equal(RemoveStatus.Removed, status);
        Assert.Equal(["host"], after.Clients.Keys);
        Assert.Equal(["guest"], after.Barred);
        Assert.Equal(JoinStatus.Barred, Join(after, "new", held: "guest").Status);
    }

    [Fact]
    public void Remove_WithoutBar_LetsTheIdentityJoinAgainAsANewOne()
    {
        var (_, _, room) = Join(NewRoom(), "guest");

        var (_, after) = room.Remove("guest", bar: false, Now);

        Assert.Equal((JoinStatus.Joined, "new"), Answer(Join(after, "new", held: "guest")));
    }

    [Fact]
    public void Remove_WithBar_Twice_BarsOnce()
    {
        var (_, _, room) = Join(NewRoom(), "guest");
        var (_, once) = room.Remove("guest", bar: true, Now);

        var (status, twice) = once.Remove("guest", bar: true, Now);

        Assert.Equal(RemoveStatus.NotMember, status);
        Assert.Same(once, twice);
    }

    [Fact]
    public void Remove_WithBar_OfANonMember_StillBarsIt()
    {
        var (status, after) = NewRoom().Remove("stranger", bar: true, Now);

        Assert.Equal(RemoveStatus.NotMember, status);
        Assert.Equal(["stranger"], after.Barred);
    }

    [Fact]
    public void Remove_LastClient_EndsTheRoom()
    {
        var (status, after) = NewRoom().Remove("host", bar: false, Now);

        Assert.Equal(RemoveStatus.LastClientLeft, status);
        Assert.Empty(after.Clients);
    }

    [Fact]
    public void Remove_NonMember_ChangesNothing()
    {
        var room = NewRoom();

        var (status, after) = room.Remove("stranger", bar: false, Now);

        Assert.Equal(RemoveStatus.NotMember, status);
        Assert.Same(room, after);
    }

    [Fact]
    public void Remove_LastLiveClient_EndsTheRoom_EvenWithAnExpiredPendingSeatLeft()
    {
        var (_, _, room) = Join(NewRoom(), "never-finished");

        var (early, _) = room.Remove("host", bar: false, Now.AddSeconds(10));
        var (late, after) = room.Remove("host", bar: false, Now.AddSeconds(31));

        Assert.Equal(RemoveStatus.Removed, early);
        Assert.Equal(RemoveStatus.LastClientLeft, late);
        Assert.Empty(after.Clients);
    }

    [Fact]
    public void End_FreesEverySeat_AndEveryJoinIsToldTheRoomEnded()
    {
        var (_, _, room) = Join(NewRoom(), "guest");
        var (_, withBar) = room.Remove("guest", bar: true, Now);

        var ended = withBar.End();

        Assert.True(ended.Ended);
        Assert.Empty(ended.Clients);
        Assert.Empty(ended.LiveClients(Now));
        Assert.Equal(JoinStatus.Ended, Join(ended, "new").Status);
        Assert.Equal(JoinStatus.Ended, Join(ended, "new", held: "host").Status);
        Assert.Equal(JoinStatus.Ended, Join(ended, "new", held: "guest").Status);
        Assert.False(ended.TryConfirm("host", "stream-1", 1, out _));
    }

    [Fact]
    public void LiveClients_LeavesOutExpiredPendingSeats()
    {
        var (_, _, room) = Join(NewRoom(), "expired");
        _clock.Advance(TimeSpan.FromSeconds(20));
        (_, _, room) = Join(room, "pending");
        _clock.Advance(TimeSpan.FromSeconds(20));

        Assert.Equal(["host", "pending"], room.LiveClients(Now).Keys.Order());
    }
}
