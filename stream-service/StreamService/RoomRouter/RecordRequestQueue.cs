using System.Threading.Channels;
using AvatarStream.StreamService.Core;

namespace AvatarStream.StreamService.RoomRouter;

// Members' record requests on their way to the room router: the room never waits on the control plane, and
// RecordRoomWorker reads in order. Bounded, since every member may send one per control message.
internal sealed class RecordRequestQueue : IRecordingRequests
{
    private const int Capacity = 256;

    private readonly Channel<RecordRequest> _requests = Channel.CreateBounded<RecordRequest>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<RecordRequest> Reader => _requests.Reader;

    public bool TryRequest(RecordRequest request) => _requests.Writer.TryWrite(request);
}
