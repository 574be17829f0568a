namespace AvatarStream.StreamService.Core.V2;

// What the room tells the instance, always outside its lock.
internal interface IRoomStateListener
{
    public void MemberDeparted(string clientId, DepartureReason reason);

    public void RoomEnded();
}
