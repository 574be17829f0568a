namespace AvatarStream.StreamService.Core.V2;

internal enum MemberState
{
    // In the lobby: knocked, not admitted yet.
    Waiting,
    Connected,

    // Its socket dropped; it may resume within the grace.
    Reconnecting,

    // Left the room (closed, timed out, removed, denied); kept for its number and event counter.
    Gone,
}
