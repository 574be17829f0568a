using AvatarStream.DevSidecar.Actors;
using AvatarStream.DevSidecar.Discovery;

namespace AvatarStream.DevSidecar.Tests;

// Placement without a placement service: every sidecar picks the same owner; a leaving host only moves its own actors.
public sealed class ActorPlacementTests
{
    private static readonly AppRegistration[] Hosts = new[] { "h1", "h2", "h3" }.Select(Host).ToArray();

    [Fact]
    public void ActorPlacement_IgnoresTheOrderOfTheHostList()
    {
        foreach (var id in Ids)
        {
            Assert.Equal(ActorPlacement.OwnerOf(Hosts, "T", id), ActorPlacement.OwnerOf(Hosts.Reverse().ToArray(), "T", id));
        }
    }

    [Fact]
    public void ActorPlacement_SpreadsActorsOverHosts()
    {
        var owners = Ids.Select(id => ActorPlacement.OwnerOf(Hosts, "T", id)!.InstanceId).ToHashSet();

        Assert.Equal(3, owners.Count);
    }

    [Fact]
    public void ActorPlacement_ALeavingHost_MovesOnlyItsOwnActors()
    {
        var remaining = Hosts.Where(h => h.InstanceId != "h2").ToArray();

        foreach (var id in Ids)
        {
            var before = ActorPlacement.OwnerOf(Hosts, "T", id)!;
            if (before.InstanceId != "h2")
            {
                Assert.Equal(before, ActorPlacement.OwnerOf(remaining, "T", id));
            }
        }
    }

    [Fact]
    public void ActorPlacement_NoHosts_NoOwner() => Assert.Null(ActorPlacement.OwnerOf([], "T", "x"));

    private static IEnumerable<string> Ids => Enumerable.Range(0, 60).Select(i => $"actor-{i}");

    private static AppRegistration Host(string instance) => new("app", instance, new Uri("http://127.0.0.1:1"), ["T"]);
}
