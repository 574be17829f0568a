namespace AvatarStream.StreamService.Core;

// Why an identity left the room for good; removed and denied identities are barred.
public enum DepartureReason
{
    Left,
    Removed,
    Denied,
    KnockTimedOut,
}
