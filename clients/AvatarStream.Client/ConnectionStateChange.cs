namespace AvatarStream.Client;

// One transition. Recovered is set on Live after Reconnecting: true when the server resumed the seat (missed events
// follow in order), false when it sent a fresh welcome (the consumer gets the new snapshot). Reason is set on
// Reconnecting (why the socket went) and on Closed (why it ended).
public sealed record ConnectionStateChange(ConnectionState Previous, ConnectionState State)
{
    public bool? Recovered { get; init; }

    public CloseReason? Reason { get; init; }
}
