namespace AvatarStream.Client.Messages;

// Why a room ended (room_ended.reason). The server may add reasons. An instance that shuts down does not end its
// rooms: it closes with 1001 and sends no room_ended.
public static class RoomEndReasons
{
    public const string EndedByHost = "ended_by_host";

    // To the recorder: nobody else is left in the room.
    public const string Empty = "empty";
}
