namespace AvatarStream.Client;

public enum CloseKind
{
    // CloseAsync or DisposeAsync (close 1000: the member leaves the room at once).
    ClosedByClient,

    // The server closed with a code that ends the connection (1000, 1009, 4000, 4001, 4003, 4004, 4005, ...), or, on
    // Reconnecting, with one that asks for a reconnect (1001, 1008).
    ClosedByServer,

    // The socket ended without a close frame (on Reconnecting only).
    Dropped,

    // The handshake was answered 401 (with no rejoin), 403, 409 or 410, or the rejoin was refused for good.
    Refused,

    // Reconnecting ran out of attempts or time.
    GaveUp,

    // The server broke the protocol (no avatar-stream.v2 selected, a message over the receive limit) or something failed.
    Failed,
}
