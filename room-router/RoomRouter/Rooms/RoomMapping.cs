using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Core.Rooms;

namespace AvatarStream.RoomRouter.Rooms;

// Core's room types in the shape the contracts give them on the wire.
internal static class RoomMapping
{
    public static string ToRole(MemberRole role) => role is MemberRole.Host ? RoomRoles.Host : RoomRoles.Guest;

    public static RoomSettings ToSettings(RoomPolicy policy) => new(policy.Lobby, policy.JoinClosesAt, policy.Open);

    public static RoomPolicy ToPolicy(RoomSettings? settings, int? maxClients) =>
        new(settings?.Lobby ?? false, settings?.JoinClosesAt, maxClients, settings?.Open ?? false);

    public static HostedClient ToClient(string clientId, Seat seat) => new(clientId, ToRole(seat.Role), seat.Name, seat.Knocking);
}
