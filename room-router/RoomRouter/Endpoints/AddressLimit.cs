namespace AvatarStream.RoomRouter.Endpoints;

// Endpoint metadata naming the per-address budget a route spends (see AddressRateLimits); the name is also the
// metric tag of its refusals.
internal sealed record AddressLimit(string Name)
{
    public static readonly AddressLimit CreateRoom = new("create-room");
    public static readonly AddressLimit JoinRoom = new("join-room");
    public static readonly AddressLimit FailedJoin = new("failed-join");
}
