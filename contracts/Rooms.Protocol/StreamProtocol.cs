using System.Net.WebSockets;

namespace AvatarStream.Contracts;

/// <summary>The WebSocket subprotocols a stream instance speaks, and the close codes it sends besides the standard ones.</summary>
public static class StreamProtocol
{
    /// <summary>The raw relay: every frame goes to every other member of the room.</summary>
    public const string V1 = "avatar-stream.v1";

    /// <summary>The room protocol: members, hosts, lobby, targeted messages, subscriptions, resume (docs/protocol.md).</summary>
    public const string V2 = "avatar-stream.v2";

    /// <summary>
    /// Carries the credential where a browser cannot set headers: <c>avatar-stream.auth.&lt;base64url JSON&gt;</c>,
    /// offered next to the protocol itself and never selected.
    /// </summary>
    public const string AuthPrefix = "avatar-stream.auth.";

    /// <summary>The protocols create-room and join-room offer, preferred first.</summary>
    public static readonly IReadOnlyList<string> Offered = [V2, V1];

    /// <summary>Close codes in the private-use range (4000-4999).</summary>
    public static class CloseCodes
    {
        /// <summary>A newer socket with the same client id took this one's place.</summary>
        public const WebSocketCloseStatus Replaced = (WebSocketCloseStatus)4000;

        /// <summary>The room ended (its host ended it).</summary>
        public const WebSocketCloseStatus RoomEnded = (WebSocketCloseStatus)4001;

        /// <summary>A host removed this member; its identity is barred from the room.</summary>
        public const WebSocketCloseStatus Removed = (WebSocketCloseStatus)4003;

        /// <summary>A host denied this joiner at the lobby; its identity is barred from the room.</summary>
        public const WebSocketCloseStatus Denied = (WebSocketCloseStatus)4004;

        /// <summary>This joiner waited in the lobby longer than the knock timeout.</summary>
        public const WebSocketCloseStatus KnockTimedOut = (WebSocketCloseStatus)4005;
    }
}
