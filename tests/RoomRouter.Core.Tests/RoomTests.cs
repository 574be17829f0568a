using AvatarStream.RoomRouter.Core.Rooms;
using Microsoft.Extensions.Time.Testing;

namespace AvatarStream.RoomRouter.Core.Tests;

public class RoomTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private DateTimeOffset Now => _clock.GetUtcNow();

    [Fact]
    public void Create_MakesTheCreatorHostAndFirstClient()
    {
        var room = Room.Create("stream-1", "host", Now);

        Assert.Equal("host", room.HostClientId);
        Assert.Equal(["host"], room.Clients.Keys);
        Assert.Null(room.Clients["host"]);
        Assert.Equal(Now, room.CreatedAt);
    }

    [Fact]
    public void Join_BelowTheLimit_AddsAPendingSeat()
    {
        var (status, room) = Room.Create("stream-1", "host", Now).Join("guest", 2, Now.AddSeconds(30), Now);

        Assert.Equal(JoinStatus.Joined, status);
        Assert.Equal(Now.AddSeconds(30), room.Clients["guest"]);
    }

    [Fact]
    public void Join_AtTheLimit_IsRefused_PendingSeatsCounting()
    {
        var (_, room) = Room.Create("stream-1", "host", Now).Join("guest", 2, Now.AddSeconds(30), Now);

        var (status, after) = room.Join("late", 2, Now.AddSeconds(30), Now);

        Assert.Equal(JoinStatus.RoomFull, status);
        Assert.False(after.Clients.ContainsKey("late"));
    }

    [Fact]
    public void Join_ExpiredPendingSeat_IsFreedForTheNextClient()
    {
        var (_, room) = Room.Create("stream-1", "host", Now).Join("ghost", 2, Now.AddSeconds(30), Now);
        _clock.Advance(TimeSpan.FromSeconds(31));

        var (status, after) = room.Join("guest", 2, Now.AddSeconds(30), Now);

        Assert.Equal(JoinStatus.Joined, status);
        Assert.Equal(["guest", "host"], after.Clients.Keys.Order());
    }

    [Fact]
    public void Join_ConfirmedSeat_NeverExpires()
    {
        var (_, room) = Room.Create("stream-1", "host", Now).Join("guest", 3, Now.AddSeconds(30), Now);
        Assert.True(room.TryConfirm("guest", out room));
        _clock.Advance(TimeSpan.FromHours(2));

        var (_, after) = room.Join("third", 3, Now.AddSeconds(30), Now);

        Assert.Equal(3, after.Clients.Count);
    }

    [Fact]
    public void Join_SameClientTwice_IsIdempotent()
    {
        var (_, room) = Room.Create("stream-1", "host", Now).Join("guest", 2, Now.AddSeconds(30), Now);

        var (status, after) = room.Join("guest", 2, Now.AddSeconds(30), Now);

        Assert.Equal(JoinStatus.Joined, status);
        Assert.Equal(2, after.Clients.Count);
    }

    [Fact]
    public void TryConfirm_AnAdmittedClient_ChangesNothing()
    {
        var room = Room.Create("stream-1", "host", Now);

        Assert.True(room.TryConfirm("host", out var after));
        Assert.Same(room, after);
    }

    [Fact]
    public void TryConfirm_UnknownClient_IsRefused()
    {
        Assert.False(Room.Create("stream-1", "host", Now).TryConfirm("nobody", out _));
    }

    [Fact]
    public void Remove_Member_LeavesTheOthers()
    {
        var (_, room) = Room.Create("stream-1", "host", Now).Join("guest", 5, Now.AddSeconds(30), Now);

        var (status, after) = room.Remove("host", Now);

        Assert.Equal(RemoveStatus.Removed, status);
        Assert.Equal(["guest"], after.Clients.Keys);
        Assert.Equal(2, room.Clients.Count);
    }

    [Fact]
    public void Remove_LastClient_EndsTheRoom()
    {
        var (status, after) = Room.Create("stream-1", "host", Now).Remove("host", Now);

        Assert.Equal(RemoveStatus.LastClientLeft, status);
        Assert.Empty(after.Clients);
    }

    [Fact]
    public void Remove_NonMember_ChangesNothing()
    {
        var room = Room.Create("stream-1", "host", Now);

        var (status, after) = room.Remove("stranger", Now);

        Assert.Equal(RemoveStatus.NotMember, status);
        Assert.Same(room, after);
    }

    [Fact]
    public void Remove_LastLiveClient_EndsTheRoom_EvenWithAnExpiredPendingSeatLeft()
    {
        var (_, room) = Room.Create("stream-1", "host", Now).Join("never-finished", 5, Now.AddSeconds(30), Now);

        var (early, _) = room.Remove("host", Now.AddSeconds(10));
        var (late, after) = room.Remove("host", Now.AddSeconds(31));

        Assert.Equal(RemoveStatus.Removed, early);
        Assert.Equal(RemoveStatus.LastClientLeft, late);
        Assert.Empty(after.Clients);
    }
}
