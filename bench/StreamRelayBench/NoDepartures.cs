using AvatarStream.StreamService.Core;

namespace AvatarStream.StreamRelayBench;

// The bench has no room router to tell.
internal sealed class NoDepartures : IClientDepartureSink
{
    public void ClientDeparted(string roomId, string clientId, DepartureReason reason)
    {
    }

    public void RoomEnded(string roomId)
    {
    }
}
