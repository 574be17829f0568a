using AvatarStream.Client.Messages;
using AvatarStream.Contracts;

namespace AvatarStream.Client.Tests.Fakes;

// Server messages as a v2 stream instance would send them.
internal static class Script
{
    public static Welcome Welcome(long seq = 0, string session = "s-1", string secret = "k-1") =>
        new(
            2,
            new WelcomeRoom("00157", Locked: false, HostPresent: true, JoinClosesAt: null),
            new WelcomeYou(2, RoomRoles.Guest, "Ada"),
            [new MemberInfo(1, "Bo", RoomRoles.Host, MemberStates.Connected), new MemberInfo(2, "Ada", RoomRoles.Guest, MemberStates.Connected)],
            seq,
            session,
            new ResumeGrant(secret, 30));

    public static MemberJoined Joined(int member, long seq) => new(member, $"Member {member}", RoomRoles.Guest, MemberStates.Connected, seq);

    public static MemberLeft Left(int member, long seq) => new(member, LeaveReasons.Left, seq);

    public static Resumed Resumed(long seq, string secret, params ServerMessage[] missed) => new(true, seq, missed, new ResumeGrant(secret, 30));
}
