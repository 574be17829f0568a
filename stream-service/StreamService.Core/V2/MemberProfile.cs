namespace AvatarStream.StreamService.Core.V2;

// Who a seat is, as the room router registered it. MustKnock: it joined without the room's key, so it waits in the
// lobby for a host (a v1 socket, which has no lobby, is refused).
public sealed record MemberProfile(bool IsHost, string Name, bool MustKnock = false)
{
    public static readonly MemberProfile DefaultGuest = new(false, "Guest");
}
