namespace AvatarStream.Client.Messages;

// The "type" of every control message, as it appears on the wire.
public static class MessageTypes
{
    // Client to server.
    public const string Data = "data";
    public const string Subscribe = "subscribe";
    public const string SetMeta = "set_meta";
    public const string Ping = "ping";
    public const string Lock = "lock";
    public const string Unlock = "unlock";
    public const string Admit = "admit";
    public const string Deny = "deny";
    public const string Remove = "remove";
    public const string MakeHost = "make_host";
    public const string EndRoom = "end_room";
    public const string Record = "record";

    // Server to client ("data" is both ways).
    public const string Welcome = "welcome";
    public const string MemberJoined = "member_joined";
    public const string MemberUpdated = "member_updated";
    public const string MemberLeft = "member_left";
    public const string RoomUpdated = "room_updated";
    public const string Knock = "knock";
    public const string KnockCancelled = "knock_cancelled";
    public const string Waiting = "waiting";
    public const string LayersWanted = "layers_wanted";
    public const string Resumed = "resumed";
    public const string RoomEnded = "room_ended";
    public const string Error = "error";
    public const string Pong = "pong";
    public const string RecordingReady = "recording_ready";
}
