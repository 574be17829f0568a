namespace AvatarStream.StreamService.Core;

/// <summary>Why a connection ended; the <c>reason</c> tag of the closed-connections counter.</summary>
public enum CloseReason
{
    ClientClosed,
    Replaced,
    MessageTooBig,
    ReceiverTooSlow,
    Shutdown,
    NotRegistered,
    Aborted,
}
