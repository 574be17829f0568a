using AvatarStream.Contracts;

namespace AvatarStream.RoomRouter.Rooms;

// Reaches the actor of a room.
public interface IRoomActors
{
    public IRoomActor Get(string roomId);
}
