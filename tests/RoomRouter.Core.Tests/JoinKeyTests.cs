using AvatarStream.RoomRouter.Core.Rooms;

namespace AvatarStream.RoomRouter.Core.Tests;

public class JoinKeyTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Room NewRoom(bool open = false) => Room.Create("stream-1", 1, "host", "Hana", new RoomPolicy(Open: open), Now, "right-key");

    private static (JoinStatus Status, string? ClientId, Room Room) Join(Room room, string? key, string? held = null) =>
        room.Join("new", held, "Gus", key, 50, Now.AddSeconds(30), Now);

    [Fact]
    public void TheRightKeySeatsAMember()
    {
        var (status, clientId, room) = Join(NewRoom(), "right-key");

        Assert.Equal((JoinStatus.Joined, "new"), (status, clientId));
        Assert.False(room.Clients["new"].Knocking);
    }

    [Fact]
    public void NoKeySeatsAKnocker()
    {
        var (status, _, room) = Join(NewRoom(), key: null);

        Assert.Equal(JoinStatus.Joined, status);
        Assert.True(room.Clients["new"].Knocking);
    }

    [Theory]
    [InlineData("wrong-key")]
    [InlineData("right-ke")]
    [InlineData("right-key ")]
    [InlineData("RIGHT-KEY")]
    public void AWrongKeySeatsNobodyAndChangesNothing(string key)
    {
        var before = NewRoom();

        var (status, clientId, after) = Join(before, key);

        Assert.Equal((JoinStatus.WrongKey, null), (status, clientId));
        Assert.Same(before, after);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("anything")]
    public void AnOpenRoomSeatsEveryJoinerAsAMember(string? key)
    {
        var (status, _, room) = Join(NewRoom(open: true), key);

        Assert.Equal(JoinStatus.Joined, status);
        Assert.False(room.Clients["new"].Knocking);
    }

    [Fact]
    public void AHeldSeatComesBackWithoutAKeyOrWithAWrongOne()
    {
        var (_, _, room) = Join(NewRoom(), "right-key");

        Assert.Equal((JoinStatus.Joined, "new"), (Join(room, null, held: "new").Status, Join(room, null, held: "new").ClientId));
        Assert.Equal(JoinStatus.Joined, Join(room, "wrong-key", held: "new").Status);
    }

    [Fact]
    public void AKnockerKeepsKnockingWhenItRejoins()
    {
        var (_, _, room) = Join(NewRoom(), key: null);

        var (_, _, again) = Join(room, null, held: "new");

        Assert.True(again.Clients["new"].Knocking);
    }

    [Fact]
    public void ARoomStoredWithoutAKeyHasNoRightKey()
    {
        var legacy = NewRoom() with { JoinKey = null };

        Assert.Equal(JoinStatus.WrongKey, Join(legacy, "right-key").Status);
        Assert.True(Join(legacy, null).Room.Clients["new"].Knocking);
    }

    [Fact]
    public void NewKeysAre128RandomBitsInBase64Url()
    {
        var keys = Enumerable.Range(0, 100).Select(_ => JoinKeys.New()).ToList();

        Assert.All(keys, key => Assert.Matches("^[A-Za-z0-9_-]{22}$", key));
        Assert.Equal(100, keys.Distinct(StringComparer.Ordinal).Count());
    }
}
