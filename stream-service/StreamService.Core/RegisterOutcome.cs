namespace AvatarStream.StreamService.Core;

public enum RegisterOutcome
{
    RoomCreated,

    // The client was seated in an existing room.
    Seated,

    // The client already had a seat; nothing changed.
    AlreadySeated,

    // The instance is draining or shutting down and seats no one.
    Stopping,
}
