namespace AvatarStream.RoomRouter.Core.Rooms;

// One room: the instance hosting it, its creator and its clients. A client is pending (with a deadline) from the
// moment a join reserves its seat until the stream instance has admitted it; a seat whose deadline passed is free
// again, so a router that died half-way through a join never leaks a seat.
// Clients: client id to the deadline of its pending seat, or null once admitted.
public sealed record Room(
    string InstanceId,
    string HostClientId,
    DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, DateTimeOffset?> Clients)
{
    public static Room Create(string instanceId, string hostClientId, DateTimeOffset now) =>
        new(instanceId, hostClientId, now, new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal) { [hostClientId] = null });

    public (JoinStatus Status, Room Room) Join(string clientId, int maxClients, DateTimeOffset pendingUntil, DateTimeOffset now)
    {
        var seats = LiveSeats(now);
        if (seats.ContainsKey(clientId))
        {
            return (JoinStatus.Joined, this with { Clients = seats });
        }

        if (seats.Count >= maxClients)
        {
            return (JoinStatus.RoomFull, this with { Clients = seats });
        }

        seats[clientId] = pendingUntil;
        return (JoinStatus.Joined, this with { Clients = seats });
    }

    // Admits a pending client; false when its seat is unknown (expired or removed).
    public bool TryConfirm(string clientId, out Room room)
    {
        room = this;
        if (!Clients.TryGetValue(clientId, out var pendingUntil))
        {
            return false;
        }

        if (pendingUntil is null)
        {
            return true; // admitted already (a rejoin): nothing to change
        }

        var seats = Copy();
        seats[clientId] = null;
        room = this with { Clients = seats };
        return true;
    }

    // Drops a client. LastClientLeft means the room is over and the caller deletes it: no
    // other client holds a live seat (a pending seat past its deadline, left by a join that never finished, does not
    // keep an empty room alive).
    public (RemoveStatus Status, Room Room) Remove(string clientId, DateTimeOffset now)
    {
        if (!Clients.ContainsKey(clientId))
        {
            return (RemoveStatus.NotMember, this);
        }

        var seats = LiveSeats(now);
        seats.Remove(clientId);
        return (seats.Count == 0 ? RemoveStatus.LastClientLeft : RemoveStatus.Removed, this with { Clients = seats });
    }

    // Whether clientId holds a seat at the given time (admitted, or pending within its deadline).
    public bool HoldsSeat(string clientId, DateTimeOffset now) =>
        Clients.TryGetValue(clientId, out var pendingUntil) && (pendingUntil is null || pendingUntil > now);

    // Clients holding a seat at the given time: admitted ones and pending ones within their deadline.
    public IReadOnlyList<string> LiveClientIds(DateTimeOffset now) => [.. LiveSeats(now).Keys];

    private Dictionary<string, DateTimeOffset?> LiveSeats(DateTimeOffset now)
    {
        var seats = new Dictionary<string, DateTimeOffset?>(Clients.Count + 1, StringComparer.Ordinal);
        foreach (var (client, pendingUntil) in Clients)
        {
            if (pendingUntil is null || pendingUntil > now)
            {
                seats[client] = pendingUntil;
            }
        }

        return seats;
    }

    private Dictionary<string, DateTimeOffset?> Copy() => new(Clients, StringComparer.Ordinal);
}
