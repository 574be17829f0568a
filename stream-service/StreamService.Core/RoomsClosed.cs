namespace AvatarStream.StreamService.Core;

// What RoomRegistry.CloseAll or DropAll let go: the rooms it held and the sockets it started closing.
public readonly record struct RoomsClosed(int Rooms, int Sockets);
