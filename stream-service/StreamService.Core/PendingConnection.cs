namespace AvatarStream.StreamService.Core;

// The outcome of RoomRegistry.Join: a connection that is a member already and waits for its socket, or why not.
public sealed class PendingConnection
{
    internal PendingConnection(JoinStatus status, RelayConnection? connection = null, RoomProtocol protocol = RoomProtocol.None)
    {
        Status = status;
        Connection = connection;
        Protocol = protocol;
    }

    public JoinStatus Status { get; }

    // The protocol the socket speaks (the room's) when joined.
    public RoomProtocol Protocol { get; }

    internal RelayConnection? Connection { get; }
}
