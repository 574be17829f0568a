namespace AvatarStream.StreamService.Core;

internal enum EnqueueResult
{
    Queued,

    // Queued in place of the oldest queued video message, which was dropped (audio under pressure).
    QueuedDroppingVideo,

    // Media: the queue is at its bound; this message is dropped for this receiver.
    Full,

    // Control: the backlog passed its bound; the receiver is too slow and must be closed.
    ControlOverflow,

    Closed,
}
