using System.Net.WebSockets;

namespace AvatarStream.StreamService.Core;

// Close codes the relay sends besides the standard ones. The same values as StreamProtocol.CloseCodes in Contracts,
// which Core does not reference (it stays free of Dapr and ASP.NET); the service tests check the wire value against it.
public static class CloseCodes
{
    // A newer socket with the same client id took this one's place (private-use range).
    public const WebSocketCloseStatus Replaced = (WebSocketCloseStatus)4000;

    public const WebSocketCloseStatus RoomEnded = (WebSocketCloseStatus)4001;

    public const WebSocketCloseStatus Removed = (WebSocketCloseStatus)4003;

    public const WebSocketCloseStatus Denied = (WebSocketCloseStatus)4004;

    public const WebSocketCloseStatus KnockTimedOut = (WebSocketCloseStatus)4005;
}
