using AvatarStream.ServiceDefaults;

namespace AvatarStream.RoomRouter.Endpoints;

// Problem type URIs only the room router answers; the shared ones are in ProblemTypes.
public static class RouterProblemTypes
{
    public const string RoomNotFound = ProblemTypes.Base + "room-not-found";
    public const string RoomGone = ProblemTypes.Base + "room-gone";
    public const string RoomEnded = ProblemTypes.Base + "room-ended";
    public const string Barred = ProblemTypes.Base + "barred";
    public const string WrongJoinKey = ProblemTypes.Base + "wrong-join-key";
    public const string JoinWindowClosed = ProblemTypes.Base + "join-window-closed";
    public const string TooManyRooms = ProblemTypes.Base + "too-many-rooms";
    public const string RoomFull = ProblemTypes.Base + "room-full";
    public const string NoStreamInstance = ProblemTypes.Base + "no-stream-instance";
    public const string RouterBusy = ProblemTypes.Base + "router-busy";
    public const string RecordingLinkInvalid = ProblemTypes.Base + "recording-link-invalid";
    public const string RecordingLinkExpired = ProblemTypes.Base + "recording-link-expired";
    public const string RecordingNotReady = ProblemTypes.Base + "recording-not-ready";
}
