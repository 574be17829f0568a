namespace AvatarStream.RoomRouter.Core.Rooms;

// One room: the instance hosting it, its creator, what it was created with, its clients and the identities barred
// from it. A client is pending (with a deadline) from the moment a join reserves its seat until the stream instance
// has admitted it; a seat whose deadline passed is free again, so a router that died half-way through a join never
// leaks a seat. An ended room (its host ended it) holds no seats and seats nobody.
// Clients: client id to its seat. Barred: client ids a host removed or denied; they never get a seat again.
// JoinKey: the secret of the room's invite link; a new identity that shows it joins, one that shows none knocks (unless
// the room is open), one that shows another is refused. Null in a room stored before keys existed: every such joiner knocks.
// Era: the era of InstanceId the room was placed in; the room lives there only while that instance is registered in that
// era, and otherwise moves (Move) with its seats to a live instance. Placed: every seat was registered on the instance
// after the last move, so a seat whose client never comes back times out there as usual.
public sealed record Room(
    string InstanceId,
    string HostClientId,
    DateTimeOffset CreatedAt,
    RoomPolicy Policy,
    IReadOnlyDictionary<string, Seat> Clients,
    IReadOnlyList<string> Barred,
    bool Ended = false,
    string? JoinKey = null,
    long Era = 0,
    bool Placed = true,
    RoomRecording? Recording = null)
{
    public static Room Create(string instanceId, long era, string hostClientId, string hostName, RoomPolicy policy, DateTimeOffset now, string? joinKey) =>
        new(
            instanceId,
            hostClientId,
            now,
            policy,
            new Dictionary<string, Seat>(StringComparer.Ordinal) { [hostClientId] = new Seat(MemberRole.Host, hostName, null) },
            [],
            JoinKey: joinKey,
            Era: era);

    // A member's record request: on starts a recording (the first request, with the ids given) or adds the requester to
    // the recipients of the one going; off stops it, for a host only. Only an admitted member may ask.
    public (RecordDecision Decision, Room Room) Record(string clientId, bool on, string newRecordingId, string newRecorderClientId, DateTimeOffset now)
    {
        if (Ended || !Clients.TryGetValue(clientId, out var seat) || seat.PendingUntil is not null || seat.Knocking)
        {
            return (RecordDecision.NotMember, this);
        }

        if (!on)
        {
            return Recording is null ? (RecordDecision.NotRecording, this)
                : seat.Role != MemberRole.Host ? (RecordDecision.NotHost, this)
                : (RecordDecision.Stopped, this with { Recording = null });
        }

        if (Recording is null)
        {
            return (RecordDecision.Started, this with { Recording = new RoomRecording(newRecordingId, newRecorderClientId, now, [clientId]) });
        }

        return Recording.Recipients.Contains(clientId, StringComparer.Ordinal)
            ? (RecordDecision.Joined, this)
            : (RecordDecision.Joined, this with { Recording = Recording with { Recipients = [.. Recording.Recipients, clientId] } });
    }

    // The recording named (by id, or by its recorder's seat) is over; unchanged when another one is going.
    public Room EndRecording(string? recordingId, string? recorderClientId) =>
        Recording is { } going && (going.Id == recordingId || going.RecorderClientId == recorderClientId) ? this with { Recording = null } : this;

    // Whether the room lives on instanceId in era now.
    public bool IsOn(string instanceId, long era) => InstanceId == instanceId && Era == era;

    // Moves the room from (fromInstance, fromEra) to (toInstance, toEra), its seats not yet registered there; unchanged
    // when it is no longer where the caller saw it (another router moved it first): one move wins, the rest follow it.
    public (bool Moved, Room Room) Move(string fromInstance, long fromEra, string toInstance, long toEra) =>
        !Ended && IsOn(fromInstance, fromEra)
            ? (true, this with { InstanceId = toInstance, Era = toEra, Placed = false })
            : (false, this);

    // Records that every seat was registered on the room's instance in era; unchanged when the room moved on meanwhile.
    public Room MarkPlaced(string instanceId, long era) => IsOn(instanceId, era) && !Placed ? this with { Placed = true } : this;

    // Seats a joiner; ClientId is whose seat it is. A held client id that still holds a seat gets that seat back as it
    // was (a rejoin: same role and name), past the join window and the client limit, whatever key it shows. Any other
    // joiner is a new identity: newClientId, a guest named name, within the join window and the seat limit, knocking
    // unless it showed the join key (or the room is open); a wrong key seats nobody. A held client id that holds no
    // seat is such a joiner too, unless it is barred.
    public (JoinStatus Status, string? ClientId, Room Room) Join(
        string newClientId, string? heldClientId, string name, string? key, int serverLimit, DateTimeOffset pendingUntil, DateTimeOffset now)
    {
        if (Ended)
        {
            return (JoinStatus.Ended, null, this);
        }

        if (heldClientId is not null && Barred.Contains(heldClientId, StringComparer.Ordinal))
        {
            return (JoinStatus.Barred, null, this);
        }

        var seats = LiveSeats(now);
        var pruned = this with { Clients = seats };
        if (heldClientId is not null && seats.ContainsKey(heldClientId))
        {
            return (JoinStatus.Joined, heldClientId, pruned);
        }

        var access = Policy.Open ? KeyCheck.Right : JoinKeys.Check(JoinKey, key);
        if (access == KeyCheck.Wrong)
        {
            return (JoinStatus.WrongKey, null, this);
        }

        if (!Policy.TakesNewMembers(now))
        {
            return (JoinStatus.JoinWindowClosed, null, pruned);
        }

        if (seats.Count >= Policy.SeatLimit(serverLimit))
        {
            return (JoinStatus.RoomFull, null, pruned);
        }

        seats[newClientId] = new Seat(MemberRole.Guest, name, pendingUntil, Knocking: access == KeyCheck.None);
        return (JoinStatus.Joined, newClientId, pruned);
    }

    // Admits a pending client that was registered on instanceId in era; false when its seat is unknown (expired, removed,
    // or the room ended) or the room has moved since (the client's ticket would name the wrong instance).
    public bool TryConfirm(string clientId, string instanceId, long era, out Room room)
    {
        room = this;
        if (!IsOn(instanceId, era) || !Clients.TryGetValue(clientId, out var seat))
        {
            return false;
        }

        if (seat.PendingUntil is null)
        {
            return true; // admitted already (a rejoin): nothing to change
        }

        var seats = new Dictionary<string, Seat>(Clients, StringComparer.Ordinal) { [clientId] = seat with { PendingUntil = null } };
        room = this with { Clients = seats };
        return true;
    }

    // Drops a client, and with bar keeps its identity out for good (even one that holds no seat any more, so a
    // departure reported twice bars it as once). LastClientLeft means the room is over and the caller deletes it: no
    // other client holds a live seat (a pending seat past its deadline, left by a join that never finished, does not
    // keep an empty room alive).
    public (RemoveStatus Status, Room Room) Remove(string clientId, bool bar, DateTimeOffset now)
    {
        IReadOnlyList<string> barred = bar && !Barred.Contains(clientId, StringComparer.Ordinal) ? [.. Barred, clientId] : Barred;
        if (!Clients.ContainsKey(clientId))
        {
            return (RemoveStatus.NotMember, ReferenceEquals(barred, Barred) ? this : this with { Barred = barred });
        }

        var seats = LiveSeats(now);
        seats.Remove(clientId);
        return (seats.Count == 0 ? RemoveStatus.LastClientLeft : RemoveStatus.Removed, this with { Clients = seats, Barred = barred });
    }

    // The room as its host left it when ending it: no seats, and nothing else a join would need (who is barred no
    // longer matters, every join is told the room ended).
    public Room End() => this with { Clients = new Dictionary<string, Seat>(StringComparer.Ordinal), Barred = [], Ended = true };

    // Clients holding a seat at the given time: admitted ones and pending ones within their deadline.
    public IReadOnlyDictionary<string, Seat> LiveClients(DateTimeOffset now) => LiveSeats(now);

    private Dictionary<string, Seat> LiveSeats(DateTimeOffset now)
    {
        var seats = new Dictionary<string, Seat>(Clients.Count + 1, StringComparer.Ordinal);
        foreach (var (client, seat) in Clients)
        {
            if (seat.IsLive(now))
            {
                seats[client] = seat;
            }
        }

        return seats;
    }
}
