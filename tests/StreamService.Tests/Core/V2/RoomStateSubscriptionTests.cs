using System.Text;
using AvatarStream.StreamService.Core.V2;
using AvatarStream.StreamService.Tests.Infrastructure;

namespace AvatarStream.StreamService.Tests.Core.V2;

public sealed class RoomStateSubscriptionTests
{
    private readonly RoomStateHarness _room = new();

    [Fact]
    public void DefaultSubscriptionIsEveryOtherMemberAtLayerZero()
    {
        var host = _room.Host("h");
        var ann = _room.Guest("a");
        var bob = _room.Guest("b");

        Assert.Equal<IMemberLink>([ann.Link, bob.Link], Video(host, 0));
        Assert.Equal<IMemberLink>([host.Link, bob.Link], Video(ann, 0));
        Assert.Empty(Video(host, 1));
        Assert.Empty(Video(host, 2));
    }

    [Fact]
    public void DefaultSubscriptionIsCappedAtTheFirst49OtherMembersByNumber()
    {
        var members = Enumerable.Range(1, 51).Select(i => i == 1 ? _room.Host("m1") : _room.Guest($"m{i}")).ToList();

        // Member 50 is within the first 49 others of members 1-49, but not of member 51 (whose first 49 are 1-49).
        Assert.Equal<IMemberLink>([.. members.Take(49).Select(member => member.Link)], Video(members[49], 0));

        // Member 51 is nobody's default: everyone else has 49 members numbered below it.
        Assert.Empty(Video(members[50], 0));
        Assert.Equal(50, members[50].Member.Route.Everyone.Length);
        JsonAssert.Equal("""{"type":"layers_wanted","layers":[]}""", members[50].Link.Single("layers_wanted"));
        JsonAssert.Equal("""{"type":"layers_wanted","layers":[0]}""", members[49].Link.Last("layers_wanted"));
    }

    [Fact]
    public void FeedsChooseThePublishersAndTheLayerOfEach()
    {
        var host = _room.Host("h");
        var ann = _room.Guest("a");
        var bob = _room.Guest("b");

        bob.Send("""{"type":"subscribe","feeds":[{"member":1,"layer":2}]}""");

        Assert.Equal<IMemberLink>([bob.Link], Video(host, 2));
        Assert.Equal<IMemberLink>([ann.Link], Video(host, 0));
        Assert.DoesNotContain(bob.Link, Video(ann, 0));
        Assert.Empty(bob.Link.OfType("error"));
    }

    [Fact]
    public void FortyNineFeedsAreAccepted()
    {
        var host = _room.Host("h");

        host.Send(Feeds(Enumerable.Range(2, 49)));

        Assert.Empty(host.Link.OfType("error"));
    }

    [Fact]
    public void FiftyFeedsAreTooManyFeedsAndTheSubscriptionStays()
    {
        var host = _room.Host("h");
        var ann = _room.Guest("a");

        ann.Send(Feeds(Enumerable.Range(100, 50), id: "s1"));

        var error = ann.Link.Single("error");
        JsonAssert.Error(error, "too_many_feeds");
        Assert.Equal("s1", error.GetProperty("id").GetString());
        Assert.Equal<IMemberLink>([ann.Link], Video(host, 0));
    }

    [Fact]
    public void TheFeedCountIsCheckedBeforeTheFeedsThemselves()
    {
        var host = _room.Host("h");

        host.Send("""{"type":"subscribe","feeds":[""" + string.Join(",", Enumerable.Repeat("""{"member":2,"layer":9}""", 50)) + "]}");

        JsonAssert.Error(host.Link.Single("error"), "too_many_feeds");
    }

    [Theory]
    [InlineData("""{"type":"subscribe","feeds":[{"member":1,"layer":3}]}""")]
    [InlineData("""{"type":"subscribe","feeds":[{"member":1,"layer":-1}]}""")]
    [InlineData("""{"type":"subscribe","feeds":[{"member":1,"layer":"high"}]}""")]
    [InlineData("""{"type":"subscribe","feeds":[{"member":1}]}""")]
    [InlineData("""{"type":"subscribe","all":true,"layer":5}""")]
    [InlineData("""{"type":"subscribe"}""")]
    public void BadLayerOrShapeIsBadMessageAndTheSubscriptionStays(string json)
    {
        var host = _room.Host("h");
        var ann = _room.Guest("a");

        ann.Send(json);

        JsonAssert.Error(ann.Link.Single("error"), "bad_message");
        Assert.Equal<IMemberLink>([ann.Link], Video(host, 0));
    }

    [Fact]
    public void SelfAndUnknownMembersInFeedsAreIgnored()
    {
        var host = _room.Host("h");
        var ann = _room.Guest("a");

        ann.Send("""{"type":"subscribe","feeds":[{"member":2,"layer":1},{"member":77,"layer":1},{"member":1,"layer":1}]}""");

        Assert.Empty(ann.Link.OfType("error"));
        Assert.Equal<IMemberLink>([ann.Link], Video(host, 1));
        Assert.Empty(Video(ann, 1));
    }

    [Fact]
    public void AFeedOfANumberNobodyHasStaysIgnoredWhenThatNumberIsGivenLater()
    {
        var host = _room.Host("h");
        var ann = _room.Guest("a");
        ann.Send("""{"type":"subscribe","feeds":[{"member":1,"layer":0},{"member":3,"layer":1}]}""");

        var bob = _room.Guest("b");

        Assert.Equal(3, bob.Number);
        Assert.Empty(Video(bob, 1));
        Assert.DoesNotContain(ann.Link, Video(bob, 0));
    }

    [Fact]
    public void AFreshWelcomeStartsFromTheDefaultSubscription()
    {
        var host = _room.Host("h");
        var ann = _room.Guest("a");
        ann.Send("""{"type":"subscribe","feeds":[]}""");
        Assert.Empty(Video(host, 0));

        var again = ann.Reconnect();

        Assert.Equal("welcome", FakeMemberLink.TypeOf(again.Control[0]));
        Assert.Equal<IMemberLink>([again], Video(host, 0));
    }

    [Fact]
    public void AllIsRecomputedWhenMembersJoin()
    {
        var host = _room.Host("h");
        host.Send("""{"type":"subscribe","all":true,"layer":1}""");

        var ann = _room.Guest("a");

        Assert.Equal<IMemberLink>([host.Link], Video(ann, 1));
        Assert.DoesNotContain(host.Link, Video(ann, 0));
    }

    [Fact]
    public void AllIsRecomputedWhenMembersLeave()
    {
        var members = Enumerable.Range(1, 51).Select(i => i == 1 ? _room.Host("m1") : _room.Guest($"m{i}")).ToList();
        Assert.DoesNotContain(members[0].Link, Video(members[50], 0));

        members[1].Close();

        Assert.Contains(members[0].Link, Video(members[50], 0));
    }

    [Fact]
    public void LayersWantedIsSentOnceAfterWelcomeEvenWhenEmpty()
    {
        var host = _room.Host("h");

        Assert.Equal(["welcome", "layers_wanted"], host.Link.Types);
        JsonAssert.Equal("""{"type":"layers_wanted","layers":[]}""", host.Link.Control[1]);
    }

    [Fact]
    public void LayersWantedIsSentAgainOnEveryChange()
    {
        var host = _room.Host("h");
        var ann = _room.Guest("a");
        var bob = _room.Guest("b");
        host.Link.Clear();

        ann.Send("""{"type":"subscribe","feeds":[{"member":1,"layer":2}]}""");
        bob.Send("""{"type":"subscribe","feeds":[{"member":1,"layer":1}]}""");
        ann.Send("""{"type":"subscribe","feeds":[]}""");
        bob.Close();

        Assert.Equal(
            ["[0,2]", "[1,2]", "[1]", "[]"],
            host.Link.OfType("layers_wanted").Select(message => message.GetProperty("layers").GetRawText()));
    }

    [Fact]
    public void LayersWantedIsNotSentWhenUnchanged()
    {
        var host = _room.Host("h");
        var ann = _room.Guest("a");
        host.Link.Clear();

        ann.Send("""{"type":"subscribe","all":true,"layer":0}""");
        _room.Guest("b");
        ann.Send("""{"type":"subscribe","feeds":[{"member":1,"layer":0}]}""");

        Assert.False(host.Link.Received("layers_wanted"));
    }

    [Fact]
    public void AudioAndOtherReachEveryoneWhateverTheirSubscription()
    {
        var host = _room.Host("h");
        var ann = _room.Guest("a");
        var bob = _room.Guest("b");

        ann.Send("""{"type":"subscribe","feeds":[]}""");

        Assert.Equal<IMemberLink>([bob.Link], Video(host, 0));
        Assert.Equal<IMemberLink>([ann.Link, bob.Link], host.Member.Route.Everyone.ToArray());
    }

    [Fact]
    public void AudioIsNotCappedAt49()
    {
        var members = Enumerable.Range(1, 51).Select(i => i == 1 ? _room.Host("m1") : _room.Guest($"m{i}")).ToList();

        Assert.Equal<IMemberLink>([.. members.Skip(1).Select(member => member.Link)], members[0].Member.Route.Everyone.ToArray());
    }

    [Fact]
    public void AReconnectingMemberReceivesNoMedia()
    {
        var host = _room.Host("h");
        var ann = _room.Guest("a");
        ann.Send("""{"type":"subscribe","feeds":[{"member":1,"layer":2}]}""");

        ann.Drop();

        Assert.Empty(Video(host, 2));
        Assert.Empty(host.Member.Route.Everyone.ToArray());
    }

    [Fact]
    public void AResumedMemberIsRoutedToItsNewSocket()
    {
        var host = _room.Host("h");
        var ann = _room.Guest("a");
        ann.Drop();

        var link = ann.Reconnect(ann.ResumeRequest());

        Assert.Equal<IMemberLink>([link], Video(host, 0));
        Assert.Equal<IMemberLink>([link], host.Member.Route.Everyone.ToArray());
    }

    [Fact]
    public void LayersWantedIsSentAgainAfterResumed()
    {
        var host = _room.Host("h");
        _room.Guest("a");
        host.Drop();

        var link = host.Reconnect(host.ResumeRequest());

        Assert.Equal(["resumed", "layers_wanted"], link.Types);
        JsonAssert.Equal("""{"type":"layers_wanted","layers":[0]}""", link.Control[1]);
    }

    [Fact]
    public void AWaitingJoinerIsInNoRouteAndItsMediaGoesNowhere()
    {
        var host = _room.Host("h");
        host.Send("""{"type":"lock"}""");

        var joiner = _room.Guest("w");

        Assert.DoesNotContain(joiner.Link, host.Member.Route.Everyone.ToArray());
        Assert.Empty(joiner.Member.Route.Everyone.ToArray());
        Assert.Empty(Video(joiner, 0));
        Assert.False(joiner.Link.Received("layers_wanted"));
    }

    private static IMemberLink[] Video(TestMember publisher, int layer) => publisher.Member.Route.Video(layer).ToArray();

    private static string Feeds(IEnumerable<int> numbers, string? id = null)
    {
        var feeds = new StringBuilder();
        foreach (var number in numbers)
        {
            feeds.Append(feeds.Length == 0 ? string.Empty : ",").Append("{\"member\":").Append(number).Append(",\"layer\":0}");
        }

        var idField = id is null ? string.Empty : $",\"id\":\"{id}\"";
        return $"{{\"type\":\"subscribe\"{idField},\"feeds\":[{feeds}]}}";
    }
}
