using System.Text.Json;

namespace AvatarStream.StreamService.Core.V2;

// What the room tells the instance, always outside its lock.
internal interface IRoomStateListener
{
    public void MemberDeparted(string clientId, DepartureReason reason);

    public void RoomEnded();

    // A member's record {on}, for the room router; id is the message's own, for an error about it.
    public void RecordRequested(string clientId, bool on, string? email, JsonElement? id);
}
