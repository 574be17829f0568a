namespace AvatarStream.StreamService.Core;

/// <summary>Told when a client leaves the instance (it closed, or never claimed its registration).</summary>
public interface IClientDepartureSink
{
    /// <summary>Called once per departed client, outside any relay lock; must not block.</summary>
    public void ClientDeparted(string roomId, string clientId);
}
