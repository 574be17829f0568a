using System.Net.WebSockets;

namespace AvatarStream.StreamService.Core.V2;

// One socket of a member, as the room state sees it. Every call only queues and never blocks: the room
// calls them under its lock.
internal interface IMemberLink
{
    // Queues a control message (copied). False when the receiver's control backlog passed its bound:
    // the link has then closed itself with 1008.
    public bool SendControl(ReadOnlySpan<byte> utf8Json);

    // Queues a media message shared with other receivers; the caller holds a reference for this call.
    public EnqueueResult SendMedia(RelayMessage message, MessageClass messageClass);

    public void Close(WebSocketCloseStatus status, string description, CloseReason reason);
}
