namespace AvatarStream.StreamService.Core.V2;

// How a member's socket ended, as far as the room is concerned.
internal enum Departure
{
    // A client close with 1000 or 1005, or a refused socket: the member leaves at once.
    Left,

    // No close frame, 1001 (a reload), or a close for being too slow: the member may resume within the grace.
    Dropped,
}
