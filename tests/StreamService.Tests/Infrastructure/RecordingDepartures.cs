using System.Collections.Concurrent;
using AvatarStream.StreamService.Core;

namespace AvatarStream.StreamService.Tests.Infrastructure;

internal sealed class RecordingDepartures : IClientDepartureSink
{
    public ConcurrentQueue<(string RoomId, string ClientId)> Departed { get; } = new();

    public void ClientDeparted(string roomId, string clientId) => Departed.Enqueue((roomId, clientId));
}
