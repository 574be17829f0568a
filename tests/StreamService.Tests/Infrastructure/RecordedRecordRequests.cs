using System.Collections.Concurrent;
using AvatarStream.StreamService.Core;

namespace AvatarStream.StreamService.Tests.Infrastructure;

// Takes every record request and keeps it.
internal sealed class RecordedRecordRequests : IRecordingRequests
{
    public ConcurrentQueue<RecordRequest> Requests { get; } = new();

    public bool TryRequest(RecordRequest request)
    {
        Requests.Enqueue(request);
        return true;
    }
}
