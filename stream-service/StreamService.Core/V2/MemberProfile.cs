namespace AvatarStream.StreamService.Core.V2;

// Who a seat is, as the room router registered it.
public sealed record MemberProfile(bool IsHost, string Name)
{
    public static readonly MemberProfile DefaultGuest = new(false, "Guest");
}
