namespace AvatarStream.RoomRouter.Rooms;

/// <summary>Why a create or join gave no ticket; each maps to one problem type.</summary>
internal enum RoomFailure
{
    None,
    RoomNotFound,
    RoomGone,
    TooManyRooms,
    RoomFull,
    NoStreamInstance,
}
