using AvatarStream.StreamService.Core;

namespace AvatarStream.StreamRelayBench;

/// <summary>The bench has no room router to tell.</summary>
internal sealed class NoDepartures : IClientDepartureSink
{
    public void ClientDeparted(string roomId, string clientId)
    {
    }
}
