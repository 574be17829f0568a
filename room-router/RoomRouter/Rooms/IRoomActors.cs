using AvatarStream.Contracts;

namespace AvatarStream.RoomRouter.Rooms;

/// <summary>Reaches the actor of a room.</summary>
public interface IRoomActors
{
    public IRoomActor Get(string roomId);
}
