using AvatarStream.StreamService.Core;

namespace AvatarStream.StreamRelayBench;

// The bench has no room router: a record request is answered recording_unavailable at once.
internal sealed class NoRecordings : IRecordingRequests
{
    public bool TryRequest(RecordRequest request) => false;
}
