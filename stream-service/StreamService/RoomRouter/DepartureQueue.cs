using System.Threading.Channels;
using AvatarStream.Contracts;
using AvatarStream.StreamService.Core;

namespace AvatarStream.StreamService.RoomRouter;

// Departures on their way to the room router. The registry writes and never waits on the control plane;
// RemoveClientWorker reads.
internal sealed class DepartureQueue : IClientDepartureSink
{
    private readonly Channel<RemoveClientRequest> _departures =
        Channel.CreateUnbounded<RemoveClientRequest>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<RemoveClientRequest> Reader => _departures.Reader;

    public void ClientDeparted(string roomId, string clientId) =>
        _departures.Writer.TryWrite(new RemoveClientRequest(roomId, clientId));
}
