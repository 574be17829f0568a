using System.Text.Json;
using AvatarStream.StreamService.Core.V2;

namespace AvatarStream.StreamService.Tests.Infrastructure;

// One identity in a RoomStateHarness: its member, its current fake socket and the ones before it.
internal sealed class TestMember
{
    private readonly RoomStateHarness _harness;
    private readonly List<FakeMemberLink> _links = [];

    public TestMember(RoomStateHarness harness, string clientId, MemberProfile profile, Member member, FakeMemberLink link)
    {
        _harness = harness;
        ClientId = clientId;
        Profile = profile;
        Member = member;
        _links.Add(link);
    }

    public string ClientId { get; }

    public MemberProfile Profile { get; }

    public Member Member { get; }

    public int Number => Member.Number;

    // The newest socket.
    public FakeMemberLink Link => _links[^1];

    public IReadOnlyList<FakeMemberLink> Links => _links;

    // The seq of every event this identity received since the last Clear of each of its sockets, in order.
    public IReadOnlyList<long> AllEventSeqs => [.. _links.SelectMany(link => link.EventSeqs)];

    public void Send(string json) => _harness.Room.Receive(Member, Link, FakeMemberLink.Utf8(json));

    // The socket ended without a close frame: the member may resume within the grace.
    public void Drop() => _harness.Room.Disconnected(Member, Link, Departure.Dropped);

    // The client closed with 1000: the member leaves at once.
    public void Close() => _harness.Room.Disconnected(Member, Link, Departure.Left);

    // A new socket of this identity; the room must accept it as the same member.
    public FakeMemberLink Reconnect(ResumeRequest? resume = null)
    {
        var link = new FakeMemberLink($"{ClientId}#{_links.Count + 1}");
        _links.Add(link);
        var member = _harness.Room.Connect(ClientId, Profile, link, resume);
        Assert.Same(Member, member);
        return link;
    }

    // What this client holds for a resume: the session of its last welcome, the newest secret and the last seq seen.
    public ResumeRequest ResumeRequest()
    {
        string? session = null, secret = null;
        long lastSeq = 0;
        foreach (var message in _links.SelectMany(link => link.History))
        {
            switch (FakeMemberLink.TypeOf(message))
            {
                case "welcome":
                    session = message.GetProperty("session").GetString();
                    secret = message.GetProperty("resume").GetProperty("secret").GetString();
                    lastSeq = message.GetProperty("seq").GetInt64();
                    break;
                case "resumed":
                    secret = message.GetProperty("resume").GetProperty("secret").GetString();
                    lastSeq = message.GetProperty("seq").GetInt64();
                    break;
                default:
                    if (message.TryGetProperty("seq", out var seq) && seq.ValueKind == JsonValueKind.Number)
                    {
                        lastSeq = seq.GetInt64();
                    }

                    break;
            }
        }

        Assert.NotNull(session);
        Assert.NotNull(secret);
        return new ResumeRequest(session, secret, lastSeq);
    }
}
