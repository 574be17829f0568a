namespace AvatarStream.RoomRouter.Core.Rooms;

// What a member may do in a room: the creator is its host, everyone who joins a guest.
public enum MemberRole
{
    Guest,
    Host,
}
