namespace AvatarStream.StreamService.Core;

public enum RegisterOutcome
{
    /// <summary>The room was created for this client.</summary>
    RoomCreated,

    /// <summary>The client was admitted to an existing room.</summary>
    Admitted,

    /// <summary>The client was already admitted; nothing changed.</summary>
    AlreadyAdmitted,

    /// <summary>The instance is shutting down and admits no one.</summary>
    Stopping,
}
