using AvatarStream.RoomRouter.Core.Rooms;

namespace AvatarStream.RoomRouter.Core.Ledger;

// One shard of the room ledger: its rows [room, instance] and which of them are pending.
// A row is pending while a multi-step change (create, last client leaving) is in flight. A pending row counts
// against the quota like any other, so limits hold while work is half done; once its deadline passes, the room's
// actor decides its fate (Settle): the room exists, so the row stays; or it does not, so the row goes.
// The rows of an instance that died, drained or restarted are marked moving, with a deadline: the room keeps its row (and
// its place under the quota) while it waits for its next join to place it on a live instance (Relocate). A moving room
// that nobody came back to by its deadline expires: its row goes and leaves a "gone" tombstone.
// Rooms that expired while moving, and rooms their host ended, leave a tombstone until an expiry, so a join can tell
// "gone" or "ended" (410) from "never existed" (404); a tombstone does not count against the quota and is cleared when
// its id is reused.
// Instances are read fresh from the store for every compare-and-swap attempt and never shared while mutable.
public sealed class LedgerShard
{
    private readonly Dictionary<int, string> _instanceOf = [];
    private readonly Dictionary<int, long> _pending = [];
    private readonly Dictionary<int, long> _moving = [];
    private readonly Dictionary<int, long> _gone = [];
    private readonly Dictionary<int, long> _ended = [];
    private readonly Dictionary<string, int> _countByInstance = new(StringComparer.Ordinal);

    public LedgerShard(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, LedgerLayout.ShardCount);
        Index = index;
    }

    public int Index { get; }

    public int Count => _instanceOf.Count;

    public IReadOnlyDictionary<string, int> CountByInstance => _countByInstance;

    // Pending rows: room id to deadline stamp (Unix ms).
    public IReadOnlyDictionary<int, long> Pending => _pending;

    // Rows of rooms waiting to move off a dead, drained or restarted instance: room id to deadline stamp (Unix ms).
    public IReadOnlyDictionary<int, long> Moving => _moving;

    // Tombstones of rooms that expired while moving: room id to expiry stamp (Unix ms).
    public IReadOnlyDictionary<int, long> Gone => _gone;

    // Tombstones of rooms their host ended: room id to expiry stamp (Unix ms).
    public IReadOnlyDictionary<int, long> Ended => _ended;

    public IEnumerable<(RoomId RoomId, string InstanceId)> Rows =>
        _instanceOf.Select(row => (new RoomId(row.Key), row.Value));

    public string? InstanceOf(RoomId id) => _instanceOf.GetValueOrDefault(id.Value);

    // Adds a row while loading a stored shard.
    public void Load(RoomId id, string instanceId, long? pendingStamp)
    {
        EnsureMine(id);
        if (!_instanceOf.TryAdd(id.Value, instanceId))
        {
            throw new InvalidOperationException($"Room {id} appears twice in ledger shard {Index}.");
        }

        Tally(instanceId, +1);
        if (pendingStamp is { } stamp)
        {
            _pending[id.Value] = stamp;
        }
    }

    // Marks a loaded row moving while loading a stored shard.
    public void LoadMoving(RoomId id, long untilStamp)
    {
        EnsureMine(id);
        if (!_instanceOf.ContainsKey(id.Value))
        {
            throw new InvalidOperationException($"Room {id} is marked moving in ledger shard {Index} but has no row.");
        }

        _moving[id.Value] = untilStamp;
    }

    // Adds a tombstone while loading a stored shard.
    public void LoadGone(RoomId id, long untilStamp)
    {
        EnsureMine(id);
        _gone[id.Value] = untilStamp;
    }

    // Adds an ended tombstone while loading a stored shard.
    public void LoadEnded(RoomId id, long untilStamp)
    {
        EnsureMine(id);
        _ended[id.Value] = untilStamp;
    }

    // Whether the room has a row, was evicted with its instance or ended by its host (tombstone not yet expired),
    // or none of these.
    public RoomPresence PresenceOf(RoomId id, DateTimeOffset now) =>
        _instanceOf.ContainsKey(id.Value) ? RoomPresence.Present
        : IsLive(_gone, id, now) ? RoomPresence.Gone
        : IsLive(_ended, id, now) ? RoomPresence.Ended
        : RoomPresence.Absent;

    // Claims a random free id of this shard for instanceId; null when the shard is at its quota.
    public Reservation? TryReserve(string instanceId, int quota, DateTimeOffset until, Random random)
    {
        if (Count >= quota)
        {
            return null;
        }

        var ids = LedgerLayout.IdsIn(Index);
        var start = random.Next(ids);
        for (var step = 0; step < ids; step++)
        {
            var id = LedgerLayout.IdAt(Index, (start + step) % ids);
            if (!_instanceOf.ContainsKey(id.Value))
            {
                var reservation = new Reservation(id, instanceId, until.ToUnixTimeMilliseconds());
                Load(id, instanceId, reservation.Stamp);
                _gone.Remove(id.Value);
                _ended.Remove(id.Value);
                return reservation;
            }
        }

        return null;
    }

    // Turns the reservation's row into a committed one; false when the row is no longer this reservation's.
    public bool Commit(Reservation reservation)
    {
        if (!Holds(reservation))
        {
            return false;
        }

        _pending.Remove(reservation.RoomId.Value);
        return true;
    }

    // Drops the reservation's row; false when it is no longer there (already released, settled or evicted).
    public bool Release(Reservation reservation) => Holds(reservation) && Remove(reservation.RoomId);

    // Drops the reservation's row, its host having ended the room, and leaves an ended tombstone until endedUntil;
    // forgets ended tombstones expired by now. False when the row is no longer this reservation's.
    public bool End(Reservation reservation, DateTimeOffset now, DateTimeOffset endedUntil)
    {
        if (!Release(reservation))
        {
            return false;
        }

        ForgetExpired(_ended, now);
        _ended[reservation.RoomId.Value] = endedUntil.ToUnixTimeMilliseconds();
        return true;
    }

    // Marks a committed row pending; null when the room has no row or the row is already pending.
    public Reservation? TryMarkPending(RoomId id, DateTimeOffset until)
    {
        if (_instanceOf.GetValueOrDefault(id.Value) is not { } instanceId || _pending.ContainsKey(id.Value))
        {
            return null;
        }

        var reservation = new Reservation(id, instanceId, until.ToUnixTimeMilliseconds());
        _pending[id.Value] = reservation.Stamp;
        return reservation;
    }

    public bool Remove(RoomId id)
    {
        if (!_instanceOf.Remove(id.Value, out var instanceId))
        {
            return false;
        }

        _pending.Remove(id.Value);
        _moving.Remove(id.Value);
        Tally(instanceId, -1);
        return true;
    }

    private void Tally(string instanceId, int change)
    {
        var count = _countByInstance.GetValueOrDefault(instanceId) + change;
        if (count == 0)
        {
            _countByInstance.Remove(instanceId);
        }
        else
        {
            _countByInstance[instanceId] = count;
        }
    }

    // Marks every row of instanceId moving until `until` (a row already moving keeps its earlier deadline); returns the
    // rooms newly marked.
    public IReadOnlyList<RoomId> MarkMoving(string instanceId, DateTimeOffset until)
    {
        var stamp = until.ToUnixTimeMilliseconds();
        var marked = new List<RoomId>();
        foreach (var (room, instance) in _instanceOf)
        {
            if (instance == instanceId && _moving.TryAdd(room, stamp))
            {
                marked.Add(new RoomId(room));
            }
        }

        return marked;
    }

    // The room now lives on instanceId: its row follows it and is no longer moving. False when nothing changed (no row, or
    // already so).
    public bool Relocate(RoomId id, string instanceId)
    {
        if (_instanceOf.GetValueOrDefault(id.Value) is not { } current || (current == instanceId && !_moving.ContainsKey(id.Value)))
        {
            return false;
        }

        _moving.Remove(id.Value);
        if (current != instanceId)
        {
            _instanceOf[id.Value] = instanceId;
            Tally(current, -1);
            Tally(instanceId, +1);
        }

        return true;
    }

    // Moving rows whose deadline has passed: nobody came back to place them.
    public IReadOnlyList<(RoomId RoomId, string InstanceId, long Stamp)> ExpiredMoving(DateTimeOffset now)
    {
        var nowStamp = now.ToUnixTimeMilliseconds();
        return _moving
            .Where(row => row.Value <= nowStamp)
            .Select(row => (new RoomId(row.Key), _instanceOf[row.Key], row.Value))
            .ToList();
    }

    // Drops a room that stayed moving past its deadline (stamp, as ExpiredMoving gave it) and leaves a "gone" tombstone
    // until goneUntil; forgets tombstones expired by now. False when the row is no longer that moving row.
    public bool ExpireMoving(RoomId id, long stamp, DateTimeOffset now, DateTimeOffset goneUntil)
    {
        if (_moving.GetValueOrDefault(id.Value) != stamp || stamp == 0 || !Remove(id))
        {
            return false;
        }

        ForgetExpired(_gone, now);
        _gone[id.Value] = goneUntil.ToUnixTimeMilliseconds();
        return true;
    }

    // Pending rows whose deadline has passed: their holder died or gave up without finishing.
    public IReadOnlyList<Reservation> ExpiredPending(DateTimeOffset now)
    {
        var nowStamp = now.ToUnixTimeMilliseconds();
        return _pending
            .Where(row => row.Value <= nowStamp)
            .Select(row => new Reservation(new RoomId(row.Key), _instanceOf[row.Key], row.Value))
            .ToList();
    }

    // Resolves an expired pending row by what its actor says; false when the row changed meanwhile.
    public bool Settle(Reservation reservation, bool roomExists) =>
        roomExists ? Commit(reservation) : Release(reservation);

    private static bool IsLive(Dictionary<int, long> tombstones, RoomId id, DateTimeOffset now) =>
        tombstones.TryGetValue(id.Value, out var until) && until > now.ToUnixTimeMilliseconds();

    private static void ForgetExpired(Dictionary<int, long> tombstones, DateTimeOffset now)
    {
        var nowStamp = now.ToUnixTimeMilliseconds();
        foreach (var expired in tombstones.Where(row => row.Value <= nowStamp).Select(row => row.Key).ToList())
        {
            tombstones.Remove(expired);
        }
    }

    private bool Holds(Reservation reservation) =>
        _pending.TryGetValue(reservation.RoomId.Value, out var stamp) && stamp == reservation.Stamp;

    private void EnsureMine(RoomId id)
    {
        if (LedgerLayout.ShardOf(id) != Index)
        {
            throw new ArgumentException($"Room {id} belongs to shard {LedgerLayout.ShardOf(id)}, not {Index}.", nameof(id));
        }
    }
}
