namespace AvatarStream.Client.Messages;

// Why a room ended (room_ended.reason). The server may add reasons.
public static class RoomEndReasons
{
    public const string EndedByHost = "ended_by_host";
    public const string InstanceStopping = "instance_stopping";
}
