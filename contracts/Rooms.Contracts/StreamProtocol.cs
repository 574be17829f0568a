using System.Net.WebSockets;

namespace AvatarStream.Contracts;

/// <summary>The WebSocket subprotocols a stream instance speaks, and the close codes it sends besides the standard ones.</summary>
public static class StreamProtocol
{
    /// <summary>The raw relay: every frame goes to every other member of the room.</summary>
    public const string V1 = "avatar-stream.v1";

    /// <summary>
    /// Carries the credential where a browser cannot set headers: <c>avatar-stream.auth.&lt;base64url JSON&gt;</c>,
    /// offered next to the protocol itself and never selected.
    /// </summary>
    public const string AuthPrefix = "avatar-stream.auth.";

    /// <summary>Close codes in the private-use range (4000-4999).</summary>
    public static class CloseCodes
    {
        /// <summary>A newer socket with the same client id took this one's place.</summary>
        public const WebSocketCloseStatus Replaced = (WebSocketCloseStatus)4000;
    }
}
