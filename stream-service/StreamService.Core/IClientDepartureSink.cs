namespace AvatarStream.StreamService.Core;

// Told when a client leaves the instance (it closed, or never claimed its registration).
public interface IClientDepartureSink
{
    // Called once per departed client, outside any relay lock; must not block.
    public void ClientDeparted(string roomId, string clientId);
}
