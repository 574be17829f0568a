namespace AvatarStream.StreamService.Core;

// Takes members' record requests for the room router. Called outside any relay lock; must not block. False when it
// cannot take another now.
public interface IRecordingRequests
{
    public bool TryRequest(RecordRequest request);
}
