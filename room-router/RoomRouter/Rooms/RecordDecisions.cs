using AvatarStream.RoomRouter.Core.Rooms;

namespace AvatarStream.RoomRouter.Rooms;

// Core's record decisions as the actor contract spells them.
internal static class RecordDecisions
{
    public const string Started = "started";
    public const string Joined = "joined";
    public const string Stopped = "stopped";
    public const string NotHost = "not_host";
    public const string NotRecording = "not_recording";
    public const string NotMember = "not_member";

    public static string Of(RecordDecision decision) => decision switch
    {
        RecordDecision.Started => Started,
        RecordDecision.Joined => Joined,
        RecordDecision.Stopped => Stopped,
        RecordDecision.NotHost => NotHost,
        RecordDecision.NotRecording => NotRecording,
        _ => NotMember,
    };
}
