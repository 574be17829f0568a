namespace AvatarStream.StreamService.Core;

// Why a connection ended; the reason tag of the closed-connections counter.
public enum CloseReason
{
    ClientClosed,
    Replaced,
    MessageTooBig,
    ReceiverTooSlow,
    Shutdown,
    NotRegistered,
    Aborted,
    BadMessages,
    Removed,
    Denied,
    KnockTimedOut,
    RoomEnded,
    Moved,
}
