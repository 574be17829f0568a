using AvatarStream.RoomRouter.Core.Rooms;

namespace AvatarStream.RoomRouter.Core.Tests;

// A room whose instance died or drained moves with its seats; of two routers moving it at once, one wins.
public sealed class RoomMoveTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static Room NewRoom()
    {
        var room = Room.Create("stream-1", 3, "host", "Hana", new RoomPolicy(), Now, "key");
        var (_, _, joined) = room.Join("guest", null, "Gus", "key", 50, Now.AddSeconds(30), Now);
        Assert.True(joined.TryConfirm("guest", "stream-1", 3, out var confirmed));
        return confirmed;
    }

    [Fact]
    public void Move_FromWhereTheRoomIs_PlacesItElsewhere_KeepingItsIdSeatsHostAndKey()
    {
        var room = NewRoom();

        var (moved, after) = room.Move("stream-1", 3, "stream-2", 7);

        Assert.True(moved);
        Assert.True(after.IsOn("stream-2", 7));
        Assert.False(after.Placed);
        Assert.Equal(room.Clients.Keys.Order(), after.Clients.Keys.Order());
        Assert.Equal("host", after.HostClientId);
        Assert.Equal("key", after.JoinKey);
    }

    [Fact]
    public void Move_FromAnOldPlacement_ChangesNothing_SoTwoMovesPlaceTheRoomOnce()
    {
        var (_, first) = NewRoom().Move("stream-1", 3, "stream-2", 7);

        var (moved, second) = first.Move("stream-1", 3, "stream-3", 1);

        Assert.False(moved);
        Assert.Same(first, second);
        Assert.True(second.IsOn("stream-2", 7));
    }

    [Fact]
    public void Move_BackToTheSameInstanceInANewEra_IsAMove()
    {
        var (moved, after) = NewRoom().Move("stream-1", 3, "stream-1", 4);

        Assert.True(moved);
        Assert.True(after.IsOn("stream-1", 4));
        Assert.False(after.IsOn("stream-1", 3));
    }

    [Fact]
    public void AnEndedRoom_DoesNotMove()
    {
        var (moved, _) = NewRoom().End().Move("stream-1", 3, "stream-2", 7);

        Assert.False(moved);
    }

    [Fact]
    public void MarkPlaced_OnlyForTheRoomsCurrentPlacement()
    {
        var (_, moved) = NewRoom().Move("stream-1", 3, "stream-2", 7);

        Assert.False(moved.MarkPlaced("stream-1", 3).Placed);
        Assert.False(moved.MarkPlaced("stream-2", 6).Placed);
        Assert.True(moved.MarkPlaced("stream-2", 7).Placed);
    }

    [Fact]
    public void Confirm_RegisteredOnTheOldPlacement_IsRefused_SoNoTicketNamesTheWrongInstance()
    {
        var room = Room.Create("stream-1", 3, "host", "Hana", new RoomPolicy(), Now, "key");
        var (_, _, joined) = room.Join("guest", null, "Gus", "key", 50, Now.AddSeconds(30), Now);
        var (_, moved) = joined.Move("stream-1", 3, "stream-2", 7);

        Assert.False(moved.TryConfirm("guest", "stream-1", 3, out _));
        Assert.True(moved.TryConfirm("guest", "stream-2", 7, out var confirmed));
        Assert.Null(confirmed.Clients["guest"].PendingUntil);
    }

    [Fact]
    public void ARoomStoredBeforeEras_IsInEraZero_WhichNoLiveInstanceHas()
    {
        var stored = NewRoom() with { Era = 0 };

        Assert.False(stored.IsOn("stream-1", 3));
        Assert.True(stored.Move("stream-1", 0, "stream-1", 3).Moved);
    }
}
