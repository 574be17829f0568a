namespace AvatarStream.RoomRouter.Core.Rooms;

// What a room was created with. Lobby: joiners wait for a host (the stream instance enforces it). JoinClosesAt: from
// then on no new identity gets a seat; null for never. MaxClients: the room's own client limit, null for the server's.
// Open: anyone with the room id joins without its key, as in the seed (the host asked for it).
public sealed record RoomPolicy(bool Lobby = false, DateTimeOffset? JoinClosesAt = null, int? MaxClients = null, bool Open = false)
{
    public static RoomPolicy Starting(DateTimeOffset now, bool lobby, TimeSpan? joinWindow, int? maxClients, bool open = false) =>
        new(lobby, now + joinWindow, maxClients, open);

    public bool TakesNewMembers(DateTimeOffset now) => JoinClosesAt is not { } closesAt || now < closesAt;

    // The server's limit may have been lowered since the room was created; the lower of the two holds.
    public int SeatLimit(int serverLimit) => MaxClients is { } max ? Math.Min(max, serverLimit) : serverLimit;
}
