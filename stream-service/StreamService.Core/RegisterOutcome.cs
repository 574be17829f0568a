namespace AvatarStream.StreamService.Core;

public enum RegisterOutcome
{
    /// <summary>The room was created for this client.</summary>
    RoomCreated,

    /// <summary>The client was seated in an existing room.</summary>
    Seated,

    /// <summary>The client already had a seat; nothing changed.</summary>
    AlreadySeated,

    /// <summary>The instance is shutting down and seats no one.</summary>
    Stopping,
}
