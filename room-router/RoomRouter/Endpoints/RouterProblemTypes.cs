using AvatarStream.ServiceDefaults;

namespace AvatarStream.RoomRouter.Endpoints;

/// <summary>Problem <c>type</c> URIs only the room router answers; the shared ones are in <see cref="ProblemTypes"/>.</summary>
public static class RouterProblemTypes
{
    public const string RoomNotFound = ProblemTypes.Base + "room-not-found";
    public const string RoomGone = ProblemTypes.Base + "room-gone";
    public const string TooManyRooms = ProblemTypes.Base + "too-many-rooms";
    public const string RoomFull = ProblemTypes.Base + "room-full";
    public const string NoStreamInstance = ProblemTypes.Base + "no-stream-instance";
    public const string RouterBusy = ProblemTypes.Base + "router-busy";
}
