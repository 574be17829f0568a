using AvatarStream.RoomRouter.Core.Rooms;

namespace AvatarStream.RoomRouter.Core.Tests;

public class RoomPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Starting_WithAJoinWindow_ClosesJoinsThatLongAfterNow()
    {
        var policy = RoomPolicy.Starting(Now, lobby: true, TimeSpan.FromSeconds(90), maxClients: 8);

        Assert.Equal(new RoomPolicy(true, Now.AddSeconds(90), 8), policy);
        Assert.True(policy.TakesNewMembers(Now.AddSeconds(89)));
        Assert.False(policy.TakesNewMembers(Now.AddSeconds(90)));
    }

    [Fact]
    public void Starting_WithoutAJoinWindow_NeverCloses()
    {
        var policy = RoomPolicy.Starting(Now, lobby: false, joinWindow: null, maxClients: null);

        Assert.Null(policy.JoinClosesAt);
        Assert.True(policy.TakesNewMembers(Now.AddYears(10)));
    }

    [Theory]
    [InlineData(null, 50, 50)]
    [InlineData(8, 50, 8)]
    [InlineData(50, 8, 8)]
    public void SeatLimit_IsTheLowerOfTheRoomsAndTheServers(int? roomLimit, int serverLimit, int expected)
    {
        Assert.Equal(expected, new RoomPolicy(MaxClients: roomLimit).SeatLimit(serverLimit));
    }
}
