using System.Text.Json;
using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.Core.V2;

namespace AvatarStream.StreamService.Tests.Infrastructure;

// What a RoomState told its instance, in order.
internal sealed class RecordingRoomListener : IRoomStateListener
{
    private readonly List<(string ClientId, DepartureReason Reason)> _departed = [];

    public IReadOnlyList<(string ClientId, DepartureReason Reason)> Departed => _departed;

    public int RoomEndedCalls { get; private set; }

    public List<(string ClientId, bool On, JsonElement? Id)> RecordRequests { get; } = [];

    public void MemberDeparted(string clientId, DepartureReason reason) => _departed.Add((clientId, reason));

    public void RoomEnded() => RoomEndedCalls++;

    public void RecordRequested(string clientId, bool on, string? email, JsonElement? id) => RecordRequests.Add((clientId, on, id));
}
