using AvatarStream.StreamService.Tests.Infrastructure;

namespace AvatarStream.StreamService.Tests.Core.V2;

public sealed class RoomStateDataTests
{
    private readonly RoomStateHarness _room = new();
    private readonly TestMember _host;
    private readonly TestMember _ann;
    private readonly TestMember _bob;

    public RoomStateDataTests()
    {
        _host = _room.Host("h");
        _ann = _room.Guest("a");
        _bob = _room.Guest("b");
        Clear();
    }

    [Fact]
    public void DataWithoutToGoesToEveryOtherMemberWithoutSeq()
    {
        _ann.Send("""{"type":"data","data":{"chat":"hi"}}""");

        JsonAssert.Equal("""{"type":"data","from":2,"data":{"chat":"hi"}}""", _host.Link.Single("data"));
        JsonAssert.Equal("""{"type":"data","from":2,"data":{"chat":"hi"}}""", _bob.Link.Single("data"));
        Assert.Empty(_ann.Link.Control);
    }

    [Fact]
    public void DataWithToGoesOnlyToTheAddressees()
    {
        _host.Send("""{"type":"data","to":[3],"data":"offer"}""");

        JsonAssert.Equal("""{"type":"data","from":1,"data":"offer"}""", _bob.Link.Single("data"));
        Assert.Empty(_ann.Link.Control);
        Assert.Empty(_host.Link.Control);
    }

    [Fact]
    public void DataIsStampedWithTheSendersNumberWhateverItClaims()
    {
        _ann.Send("""{"type":"data","from":1,"data":{"from":1}}""");

        JsonAssert.Equal("""{"type":"data","from":2,"data":{"from":1}}""", _bob.Link.Single("data"));
    }

    [Fact]
    public void DataToAnUnknownMemberIsRefusedAndTheRestStillGetIt()
    {
        _host.Send("""{"type":"data","id":"m-7","to":[2,99],"data":1}""");

        JsonAssert.Equal("""{"type":"data","from":1,"data":1}""", _ann.Link.Single("data"));
        Assert.Empty(_bob.Link.Control);
        var error = _host.Link.Single("error");
        JsonAssert.Error(error, "unknown_member");
        Assert.Equal("m-7", error.GetProperty("id").GetString());
    }

    [Fact]
    public void DataToAMemberThatLeftIsUnknownMember()
    {
        _bob.Close();
        Clear();

        _host.Send("""{"type":"data","to":[3],"data":1}""");

        JsonAssert.Error(_host.Link.Single("error"), "unknown_member");
    }

    [Fact]
    public void DataToAWaitingJoinerIsUnknownMemberAndNotDelivered()
    {
        _host.Send("""{"type":"lock"}""");
        var joiner = _room.Guest("w");
        Clear();

        _host.Send("""{"type":"data","to":[4],"data":1}""");

        JsonAssert.Error(_host.Link.Single("error"), "unknown_member");
        Assert.False(joiner.Link.Received("data"));
    }

    [Fact]
    public void DataToAReconnectingMemberIsDroppedAndNeverReplayed()
    {
        _bob.Drop();
        _host.Link.Clear();
        _ann.Link.Clear();

        _host.Send("""{"type":"data","to":[3],"data":"direct"}""");
        _host.Send("""{"type":"data","data":"everyone"}""");
        var link = _bob.Reconnect(_bob.ResumeRequest());

        Assert.Empty(_host.Link.OfType("error"));
        JsonAssert.Equal("""{"type":"data","from":1,"data":"everyone"}""", _ann.Link.Single("data"));
        var resumed = link.Single("resumed");
        JsonAssert.Equal("[]", resumed.GetProperty("missed"));
        Assert.False(link.Received("data"));
    }

    [Fact]
    public void DataAddressedToTheSenderItselfGoesNowhere()
    {
        _ann.Send("""{"type":"data","to":[2],"data":1}""");

        Assert.Empty(_ann.Link.Control);
        Assert.Empty(_host.Link.Control);
        Assert.Empty(_bob.Link.Control);
    }

    [Fact]
    public void DataNamingAnAddresseeTwiceDeliversOnce()
    {
        _ann.Send("""{"type":"data","to":[3,3],"data":1}""");

        Assert.Single(_bob.Link.OfType("data"));
    }

    [Theory]
    [InlineData("""{"type":"data","id":5}""")]
    [InlineData("""{"type":"data","id":5,"to":3,"data":1}""")]
    [InlineData("""{"type":"data","id":5,"to":["3"],"data":1}""")]
    [InlineData("""{"type":"data","id":5,"to":[0],"data":1}""")]
    public void MalformedDataIsBadMessageWithTheIdEchoedAndReachesNobody(string json)
    {
        _ann.Send(json);

        var error = _ann.Link.Single("error");
        JsonAssert.Error(error, "bad_message");
        Assert.Equal(5, error.GetProperty("id").GetInt32());
        Assert.Empty(_host.Link.Control);
        Assert.Empty(_bob.Link.Control);
    }

    private void Clear()
    {
        _host.Link.Clear();
        _ann.Link.Clear();
        _bob.Link.Clear();
    }
}
