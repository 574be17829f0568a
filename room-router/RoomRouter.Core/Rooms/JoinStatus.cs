namespace AvatarStream.RoomRouter.Core.Rooms;

public enum JoinStatus
{
    Joined,
    RoomFull,
    Barred,
    JoinWindowClosed,
    Ended,
    WrongKey,
}
