using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.Core.V2;
using Microsoft.Extensions.Time.Testing;

namespace AvatarStream.StreamService.Tests.Infrastructure;

// One v2 RoomState on fake time with fake sockets and a recording listener, and the members connected to it.
internal sealed class RoomStateHarness
{
    public const string RoomId = "04217";

    public RoomStateHarness(RoomSetup? setup = null, Action<RelayOptions>? configure = null)
    {
        configure?.Invoke(Options);
        Room = new RoomState(RoomId, setup ?? RoomSetup.Default, Options, Time, CoreFixtures.Metrics(), Listener);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public RelayOptions Options { get; } = new();

    public RecordingRoomListener Listener { get; } = new();

    public RoomState Room { get; }

    public static RoomStateHarness Locked() => new(new RoomSetup(Lobby: true, JoinClosesAt: null));

    public TestMember Host(string clientId = "host", string name = "Hana") => Join(clientId, new MemberProfile(true, name));

    public TestMember Guest(string clientId, string name = "Guest") => Join(clientId, new MemberProfile(false, name));

    public TestMember Recorder(string clientId = "rec") => Join(clientId, new MemberProfile(false, "Recorder", IsRecorder: true));

    // Connects a new identity and fails when the room refuses it.
    public TestMember Join(string clientId, MemberProfile profile, ResumeRequest? resume = null)
    {
        var link = new FakeMemberLink($"{clientId}#1");
        var member = Room.Connect(clientId, profile, link, resume);
        Assert.NotNull(member);
        return new TestMember(this, clientId, profile, member, link);
    }

    // A socket of clientId arrives; null when the room refuses it.
    public Member? TryConnect(string clientId, MemberProfile profile, FakeMemberLink link, ResumeRequest? resume = null) =>
        Room.Connect(clientId, profile, link, resume);

    // Lets fake time pass; due timers fire on this thread.
    public void Advance(TimeSpan by) => Time.Advance(by);
}
