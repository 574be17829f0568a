namespace AvatarStream.RoomRouter.Core.Rooms;

public enum RemoveStatus
{
    Removed,
    NotMember,
    LastClientLeft,
}
