namespace AvatarStream.StreamService.Core.V2;

// Who a seat is, as the room router registered it. MustKnock: it joined without the room's key, so it waits in the
// lobby for a host (a v1 socket, which has no lobby, is refused). IsRecorder: the recorder's hidden seat, which only
// receives and is in no member list.
public sealed record MemberProfile(bool IsHost, string Name, bool MustKnock = false, bool IsRecorder = false)
{
    public static readonly MemberProfile DefaultGuest = new(false, "Guest");
}
