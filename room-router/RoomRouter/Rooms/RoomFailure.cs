namespace AvatarStream.RoomRouter.Rooms;

// Why a create or join gave no ticket; each maps to one problem type.
internal enum RoomFailure
{
    None,
    RoomNotFound,
    RoomGone,
    RoomEnded,
    Barred,
    JoinWindowClosed,
    WrongJoinKey,
    TooManyRooms,
    RoomFull,
    NoStreamInstance,
}
