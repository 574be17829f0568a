namespace AvatarStream.StreamService.Core;

internal enum EnqueueResult
{
    Queued,
    Full,
    Closed,
}
