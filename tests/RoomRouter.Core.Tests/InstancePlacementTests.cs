using AvatarStream.RoomRouter.Core.Placement;

namespace AvatarStream.RoomRouter.Core.Tests;

public class InstancePlacementTests
{
    private static readonly HashSet<string> None = [];

    [Fact]
    public void Choose_PicksTheInstanceWithFewestRooms()
    {
        var counts = new Dictionary<string, int> { ["stream-1"] = 3, ["stream-2"] = 1, ["stream-3"] = 2 };

        Assert.Equal("stream-2", InstancePlacement.Choose(counts.Keys, counts, None, new Random(1)));
    }

    [Fact]
    public void Choose_InstanceWithoutRooms_CountsAsZero()
    {
        var counts = new Dictionary<string, int> { ["stream-1"] = 1 };

        Assert.Equal("stream-2", InstancePlacement.Choose(["stream-1", "stream-2"], counts, None, new Random(1)));
    }

    [Fact]
    public void Choose_Ties_AreBrokenAtRandom()
    {
        var counts = new Dictionary<string, int> { ["stream-1"] = 2, ["stream-2"] = 2, ["stream-3"] = 2, ["stream-4"] = 5 };
        var random = new Random(3);

        var picks = Enumerable.Range(0, 3000)
            .Select(_ => InstancePlacement.Choose(counts.Keys, counts, None, random)!)
            .GroupBy(pick => pick)
            .ToDictionary(group => group.Key, group => group.Count());

        Assert.Equal(["stream-1", "stream-2", "stream-3"], picks.Keys.Order());
        Assert.All(picks.Values, count => Assert.InRange(count, 850, 1150));
    }

    [Fact]
    public void Choose_SkipsExcludedInstances()
    {
        var counts = new Dictionary<string, int> { ["stream-1"] = 0, ["stream-2"] = 9 };

        Assert.Equal("stream-2", InstancePlacement.Choose(counts.Keys, counts, new HashSet<string> { "stream-1" }, new Random(1)));
    }

    [Fact]
    public void Choose_NoLiveInstance_GivesNull()
    {
        Assert.Null(InstancePlacement.Choose([], new Dictionary<string, int>(), None, new Random(1)));
        Assert.Null(InstancePlacement.Choose(["stream-1"], new Dictionary<string, int>(), new HashSet<string> { "stream-1" }, new Random(1)));
    }
}
