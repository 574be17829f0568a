using System.Threading.Channels;
using AvatarStream.Contracts;
using AvatarStream.StreamService.Core;

namespace AvatarStream.StreamService.RoomRouter;

// Departures and ended rooms on their way to the room router. The registry writes and never waits on the
// control plane; RemoveClientWorker reads, in order.
internal sealed class DepartureQueue : IClientDepartureSink
{
    private readonly Channel<RouterNotice> _notices =
        Channel.CreateUnbounded<RouterNotice>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<RouterNotice> Reader => _notices.Reader;

    public void ClientDeparted(string roomId, string clientId, DepartureReason reason) =>
        _notices.Writer.TryWrite(new RouterNotice(new RemoveClientRequest(roomId, clientId, WireReason(reason)), null));

    public void RoomEnded(string roomId) => _notices.Writer.TryWrite(new RouterNotice(null, new EndRoomRequest(roomId)));

    private static string WireReason(DepartureReason reason) => reason switch
    {
        DepartureReason.Removed => DepartureReasons.Removed,
        DepartureReason.Denied => DepartureReasons.Denied,
        DepartureReason.KnockTimedOut => DepartureReasons.KnockTimedOut,
        _ => DepartureReasons.Left,
    };
}

// One thing to tell the room router: a client left, or a room ended.
internal sealed record RouterNotice(RemoveClientRequest? Departure, EndRoomRequest? EndedRoom);
