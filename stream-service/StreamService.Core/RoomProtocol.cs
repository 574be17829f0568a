namespace AvatarStream.StreamService.Core;

// The protocols a socket offers (flags) and the one a room speaks, fixed by its first connection.
[Flags]
public enum RoomProtocol
{
    None = 0,
    V1 = 1,
    V2 = 2,
}
