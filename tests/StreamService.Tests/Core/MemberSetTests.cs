using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.Tests.Infrastructure;

namespace AvatarStream.StreamService.Tests.Core;

public sealed class MemberSetTests
{
    [Fact]
    public void RecipientsAreEveryoneButTheSender()
    {
        var (a, b, c) = (CoreFixtures.Connection("a"), CoreFixtures.Connection("b"), CoreFixtures.Connection("c"));
        var members = MemberSet.Empty.With(a).With(b).With(c);

        var recipients = new List<RelayConnection>();
        foreach (var member in members.RecipientsOf(b))
        {
            recipients.Add(member);
        }

        Assert.Equal([a, c], recipients);
    }

    [Fact]
    public void JoinAndLeaveLeaveEarlierSnapshotsUntouched()
    {
        var (a, b) = (CoreFixtures.Connection("a"), CoreFixtures.Connection("b"));
        var before = MemberSet.Empty.With(a);

        var after = before.With(b).Without(a);

        Assert.Equal([a], before.All.ToArray());
        Assert.Equal([b], after.All.ToArray());
    }

    [Fact]
    public void ReplaceKeepsThePosition()
    {
        var (a, b, c, b2) = (CoreFixtures.Connection("a"), CoreFixtures.Connection("b"), CoreFixtures.Connection("c"), CoreFixtures.Connection("b"));

        var members = MemberSet.Empty.With(a).With(b).With(c).Replace(b, b2);

        Assert.Equal([a, b2, c], members.All.ToArray());
    }
}
