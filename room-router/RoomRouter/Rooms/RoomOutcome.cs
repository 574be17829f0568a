using AvatarStream.Contracts;

namespace AvatarStream.RoomRouter.Rooms;

// A ticket, or the expected reason there is none.
internal sealed record RoomOutcome(RoomTicket? Ticket, RoomFailure Failure)
{
    public static RoomOutcome Issued(RoomTicket ticket) => new(ticket, RoomFailure.None);

    public static RoomOutcome Failed(RoomFailure failure) => new(null, failure);
}
