namespace AvatarStream.StreamService.Core;

// Told when a client leaves the instance (it closed, never claimed its registration, or a host removed it), and
// when a host ends a room. Called outside any relay lock; must not block.
public interface IClientDepartureSink
{
    public void ClientDeparted(string roomId, string clientId, DepartureReason reason);

    public void RoomEnded(string roomId);
}
