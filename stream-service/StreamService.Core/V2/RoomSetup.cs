namespace AvatarStream.StreamService.Core.V2;

// What a room was created with: a lobby (it starts locked) and when join-room stops taking new identities.
public sealed record RoomSetup(bool Lobby, DateTimeOffset? JoinClosesAt)
{
    public static readonly RoomSetup Default = new(false, null);
}
