using System.Collections.Concurrent;
using AvatarStream.StreamService.Core;

namespace AvatarStream.StreamService.Tests.Infrastructure;

internal sealed class RecordingDepartures : IClientDepartureSink
{
    public ConcurrentQueue<(string RoomId, string ClientId)> Departed { get; } = new();

    public ConcurrentQueue<(string ClientId, DepartureReason Reason)> Reasons { get; } = new();

    public ConcurrentQueue<string> EndedRooms { get; } = new();

    public void ClientDeparted(string roomId, string clientId, DepartureReason reason)
    {
        Reasons.Enqueue((clientId, reason));
        Departed.Enqueue((roomId, clientId));
    }

    public void RoomEnded(string roomId) => EndedRooms.Enqueue(roomId);
}
