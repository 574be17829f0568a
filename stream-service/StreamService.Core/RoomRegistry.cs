using System.Net.WebSockets;
using System.Text.Json;
using AvatarStream.Contracts;
using AvatarStream.StreamService.Core.V2;
using Microsoft.Extensions.Logging;

namespace AvatarStream.StreamService.Core;

// The instance's room runtime: which clients have a seat in which room, and the live connections.
// Membership changes (register, connect, leave) take one lock; relaying a frame takes none.
public sealed class RoomRegistry : IDisposable
{
    private readonly Lock _gate = new();
    private static readonly TimeSpan EndedRoomMemory = TimeSpan.FromHours(1);

    private readonly Dictionary<string, Room> _rooms = new(StringComparer.Ordinal);

    // Rooms a host ended, with when: a socket for one gets 410 rather than 401.
    private readonly Dictionary<string, long> _endedRooms = new(StringComparer.Ordinal);
    private readonly RelayContext _context;
    private readonly IClientDepartureSink _departures;
    private readonly IRecordingRequests _recordings;
    private readonly ITimer _sweeper;
    private bool _stopping;

    // Connections made members and not yet gone, and who waits for there to be none; guarded by the lock.
    private int _connected;
    private TaskCompletionSource? _noConnections;

    public RoomRegistry(
        RelayOptions options, IClientDepartureSink departures, IRecordingRequests recordings, RelayMetrics metrics, TimeProvider time, ILogger<RoomRegistry> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _context = new RelayContext(options, new MessagePool(options.MaxMessageBytes + 3), metrics, time, logger);
        _departures = departures;
        _recordings = recordings;
        var period = TimeSpan.FromTicks(Math.Clamp(options.SendTimeout.Ticks / 4, TimeSpan.TicksPerMillisecond * 5, TimeSpan.TicksPerSecond));
        _sweeper = time.CreateTimer(static state => ((RoomRegistry)state!).CloseStuckReceivers(), this, period, period);
    }

    public int RoomCount
    {
        get
        {
            lock (_gate)
            {
                return _rooms.Count;
            }
        }
    }

    // Draining or shutting down: nobody is seated and no socket joins.
    public bool IsStopping
    {
        get
        {
            lock (_gate)
            {
                return _stopping;
            }
        }
    }

    // Seats a client, creating its room if absent. Idempotent; a repeated register updates the profile.
    public RegisterOutcome Register(string roomId, string clientId, MemberProfile? profile = null, RoomSetup? setup = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(roomId);
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        profile ??= MemberProfile.DefaultGuest;
        lock (_gate)
        {
            if (_stopping)
            {
                return RegisterOutcome.Stopping;
            }

            var created = !_rooms.TryGetValue(roomId, out var room);
            if (room is null)
            {
                // The router registers only for a live room: an id ended before is a new room now.
                _endedRooms.Remove(roomId);
                room = new Room(roomId, setup ?? RoomSetup.Default);
                _rooms.Add(roomId, room);
                _context.Metrics.RoomCreated();
            }
            else if (room.Seats.TryGetValue(clientId, out var existing))
            {
                existing.Profile = profile;
                return RegisterOutcome.AlreadySeated;
            }

            var seat = new Seat(room, clientId, profile);
            room.Seats.Add(seat);
            var claimTimeout = _context.Options.ClaimTimeout;
            if (claimTimeout > TimeSpan.Zero && claimTimeout != Timeout.InfiniteTimeSpan)
            {
                seat.ClaimTimer = _context.Time.CreateTimer(
                    state => ExpireClaim((Seat)state!), seat, claimTimeout, Timeout.InfiniteTimeSpan);
            }

            var tag = ClientTag.Of(clientId);
            if (created)
            {
                RelayLog.RoomCreated(_context.Logger, roomId, tag);
                return RegisterOutcome.RoomCreated;
            }

            RelayLog.ClientSeated(_context.Logger, roomId, tag);
            return RegisterOutcome.Seated;
        }
    }

    public bool HasSeat(string roomId, string clientId)
    {
        lock (_gate)
        {
            return !_stopping && _rooms.TryGetValue(roomId, out var room) && room.Seats.ContainsKey(clientId);
        }
    }

    // Decides, before the upgrade, whether a socket may join, and if so makes it a member: nothing sent to the
    // room after this is missed, and a v2 member's welcome is queued first. A socket already open for the same
    // client is closed in favour of this one. The first connection fixes the room's protocol.
    public PendingConnection Join(string roomId, string clientId, RoomProtocol offered, ResumeRequest? resume = null)
    {
        lock (_gate)
        {
            if (Find(roomId, out var room) is { } refused)
            {
                return refused;
            }

            if (room.State?.IsBarred(clientId) == true)
            {
                return new PendingConnection(JoinStatus.Barred);
            }

            return room.Seats.TryGetValue(clientId, out var seat) ? Seat(seat, offered, resume) : new PendingConnection(JoinStatus.NotSeated);
        }
    }

    // Join for the seat a ticket names by its identity (SeatIdentity), the only name a socket shows.
    public PendingConnection JoinWithTicket(string roomId, string identity, RoomProtocol offered, ResumeRequest? resume = null)
    {
        lock (_gate)
        {
            if (Find(roomId, out var room) is { } refused)
            {
                return refused;
            }

            return room.Seats.TryGetByIdentity(identity, out var seat) ? Seat(seat, offered, resume) : new PendingConnection(JoinStatus.NotSeated);
        }
    }

    // Join for a v2 member that shows only its resume: the session and secret of its last welcome or resumed.
    public PendingConnection Resume(string roomId, ResumeRequest resume)
    {
        ArgumentNullException.ThrowIfNull(resume);
        lock (_gate)
        {
            if (Find(roomId, out var room) is { } refused)
            {
                return refused;
            }

            return room.State?.FindResumable(resume) is { } clientId && room.Seats.TryGetValue(clientId, out var seat)
                ? Seat(seat, RoomProtocol.V2, resume)
                : new PendingConnection(JoinStatus.NotSeated);
        }
    }

    // Null when the room is here and seating; otherwise why not. Under the lock.
    private PendingConnection? Find(string roomId, out Room room)
    {
        if (_stopping)
        {
            room = null!;
            return new PendingConnection(JoinStatus.Stopping);
        }

        return _rooms.TryGetValue(roomId, out room!)
            ? null
            : new PendingConnection(_endedRooms.ContainsKey(roomId) ? JoinStatus.RoomEnded : JoinStatus.NotSeated);
    }

    // The seat's socket becomes a member. Under the lock.
    private PendingConnection Seat(Seat seat, RoomProtocol offered, ResumeRequest? resume)
    {
        var room = seat.Room;
        var clientId = seat.ClientId;
        var protocol = room.Protocol != RoomProtocol.None ? room.Protocol : offered.HasFlag(RoomProtocol.V2) ? RoomProtocol.V2 : RoomProtocol.V1;
        if ((offered & protocol) == 0)
        {
            return new PendingConnection(JoinStatus.ProtocolMismatch);
        }

        if (protocol == RoomProtocol.V1 && (seat.Profile.MustKnock || seat.Profile.IsRecorder))
        {
            return new PendingConnection(JoinStatus.KnockNeedsV2);
        }

        var connection = new RelayConnection(room, clientId, _context);
        if (protocol == RoomProtocol.V2)
        {
            room.State ??= new RoomState(room.Id, room.Setup, _context.Options, _context.Time, _context.Metrics, new RoomListener(this, room));
            var member = room.State.Connect(clientId, seat.Profile, connection, resume);
            if (member is null)
            {
                // Nobody bars the hidden recorder: refused, it came to a room with nobody left in it.
                return new PendingConnection(room.State.IsEnded || seat.Profile.IsRecorder ? JoinStatus.RoomEnded : JoinStatus.Barred);
            }

            connection.Attach(room.State, member);
        }

        room.Protocol = protocol;
        seat.ClaimTimer?.Dispose();
        seat.ClaimTimer = null;
        var replaced = seat.Connection;
        seat.Connection = connection;
        room.Members = replaced is null ? room.Members.With(connection) : room.Members.Replace(replaced, connection);
        if (replaced is not null && replaced.BeginClose(StreamProtocol.CloseCodes.Replaced, "replaced by a newer connection", CloseReason.Replaced))
        {
            RelayLog.Replaced(_context.Logger, room.Id, replaced.ClientTag);
        }

        _connected++;
        _context.Metrics.ConnectionOpened();
        return new PendingConnection(JoinStatus.Joined, connection, protocol);
    }

    // Accepts the joined socket and relays until it closes, then removes the client. A socket that may not
    // join (the instance is stopping, the pair is unknown) is accepted and closed. The socket is disposed here.
    public async Task RunAsync(PendingConnection pending, Func<Task<WebSocket>> acceptAsync)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(acceptAsync);
        if (pending.Connection is not { } connection)
        {
            using var refused = await acceptAsync();
            await RefuseAsync(refused);
            return;
        }

        try
        {
            using var socket = await acceptAsync();
            RelayLog.Connected(_context.Logger, connection.Room.Id, connection.ClientTag);
            await connection.RunAsync(socket);
        }
        finally
        {
            Leave(connection);
        }
    }

    // A v1 socket: join and run in one step.
    public Task RunAsync(Func<Task<WebSocket>> acceptAsync, string roomId, string clientId) =>
        RunAsync(Join(roomId, clientId, RoomProtocol.V1), acceptAsync);

    // A stop with nobody to tell where the rooms went (the relay bench).
    public void CloseAll() => CloseAll("server shutting down");

    // Stops seating clients and starts closing every socket with 1001 and the description; each is aborted after the
    // close timeout. No client is reported as departed from here on: the room router keeps every seat and moves the rooms.
    public RoomsClosed CloseAll(string description)
    {
        List<RelayConnection> connections = [];
        int rooms;
        lock (_gate)
        {
            _stopping = true;
            rooms = _rooms.Count;
            foreach (var room in _rooms.Values)
            {
                room.State?.Stop();
                connections.AddRange(room.Members.All);
            }
        }

        RelayLog.ClosingAll(_context.Logger, connections.Count);
        foreach (var connection in connections)
        {
            connection.BeginClose(WebSocketCloseStatus.EndpointUnavailable, description, CloseReason.Shutdown);
        }

        return new RoomsClosed(rooms, connections.Count);
    }

    // Forgets every room after the instance's placement era changed: the router has moved them (or will on their next
    // join), so their sockets close with 1001 and the description, and no departure is reported, now or by a timer
    // later, since the seats are the router's. Unlike CloseAll, new registers are seated as before.
    public RoomsClosed DropAll(string description)
    {
        List<RelayConnection> connections = [];
        Room[] dropped;
        lock (_gate)
        {
            dropped = [.. _rooms.Values];
            foreach (var room in dropped)
            {
                room.Dropped = true;
                room.State?.Stop();
                foreach (var seat in room.Seats.All)
                {
                    seat.ClaimTimer?.Dispose();
                }

                room.Seats.Clear();
                connections.AddRange(room.Members.All);
                _context.Metrics.RoomRemoved();
            }

            _rooms.Clear();
        }

        _context.Metrics.RoomsDropped(dropped.Length);
        RelayLog.DroppedAll(_context.Logger, dropped.Length, connections.Count);
        foreach (var connection in connections)
        {
            connection.BeginClose(WebSocketCloseStatus.EndpointUnavailable, description, CloseReason.Moved);
        }

        return new RoomsClosed(dropped.Length, connections.Count);
    }

    // Sends a v2 member an error about its earlier message, decided outside its room (the room router refused its record).
    public void SendError(string roomId, string clientId, string code, string message, JsonElement? id)
    {
        ArgumentNullException.ThrowIfNull(roomId);
        StateOf(roomId)?.Refuse(clientId, code, message, id);
    }

    // Sends a v2 control message to those of clientIds in the room that are connected; how many it reached.
    public int Notify(string roomId, IEnumerable<string> clientIds, ReadOnlySpan<byte> utf8Json)
    {
        ArgumentNullException.ThrowIfNull(roomId);
        return StateOf(roomId)?.Notify(clientIds, utf8Json) ?? 0;
    }

    private RoomState? StateOf(string roomId)
    {
        lock (_gate)
        {
            return !_stopping && _rooms.TryGetValue(roomId, out var room) ? room.State : null;
        }
    }

    // Completes once no socket is a member any more (at once when none is).
    public Task WhenNoConnectionsAsync()
    {
        lock (_gate)
        {
            return _connected == 0 ? Task.CompletedTask : (_noConnections ??= new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }

    public void Dispose() => _sweeper.Dispose();

    // A replaced connection leaves its seat to its successor. On shutdown and in a dropped room nobody departs: the room
    // router keeps the seat and moves the room. A v2 member's departure is its room's decision.
    private void Leave(RelayConnection connection)
    {
        var room = connection.Room;
        bool departed;
        bool seatsKept;
        lock (_gate)
        {
            room.Members = room.Members.Without(connection);
            if (--_connected == 0 && _noConnections is { } waiting)
            {
                _noConnections = null;
                waiting.TrySetResult();
            }

            seatsKept = _stopping || room.Dropped;
            var current = room.Seats.TryGetValue(connection.ClientId, out var seat) && seat.Connection == connection;
            if (current)
            {
                seat!.Connection = null;
            }

            departed = !seatsKept && current && connection.Member is null;
            if (departed)
            {
                room.Seats.Remove(connection.ClientId);
                RemoveIfEmpty(room);
            }
        }

        _context.Metrics.ConnectionClosed(connection.CloseReason);
        RelayLog.Disconnected(_context.Logger, room.Id, connection.ClientTag, connection.CloseReason);
        if (departed)
        {
            _departures.ClientDeparted(room.Id, connection.ClientId, DepartureReason.Left);
        }
        else if (!seatsKept && connection.Member is { } member)
        {
            room.State!.Disconnected(member, connection, connection.Departure);
        }
    }

    // The v2 room let an identity go for good: its seat is freed here and at the router.
    private void MemberDeparted(Room room, string clientId, DepartureReason reason)
    {
        lock (_gate)
        {
            if (_stopping || room.Dropped)
            {
                return;
            }

            if (room.Seats.Remove(clientId, out var seat))
            {
                seat.ClaimTimer?.Dispose();
                RemoveIfEmpty(room);
            }
        }

        _departures.ClientDeparted(room.Id, clientId, reason);
    }

    // A host ended the room: its seats go at once, here and at the router, and its id answers 410 for a while.
    private void RoomEnded(Room room)
    {
        lock (_gate)
        {
            if (_stopping || !_rooms.TryGetValue(room.Id, out var current) || current != room)
            {
                return;
            }

            foreach (var seat in room.Seats.All)
            {
                seat.ClaimTimer?.Dispose();
            }

            room.Seats.Clear();
            _rooms.Remove(room.Id);
            _context.Metrics.RoomRemoved();
            var now = _context.Time.GetTimestamp();
            foreach (var (id, endedAt) in _endedRooms)
            {
                if (_context.Time.GetElapsedTime(endedAt, now) > EndedRoomMemory)
                {
                    _endedRooms.Remove(id);
                }
            }

            _endedRooms[room.Id] = now;
        }

        RelayLog.RoomEnded(_context.Logger, room.Id);
        _departures.RoomEnded(room.Id);
    }

    private void ExpireClaim(Seat seat)
    {
        var room = seat.Room;
        lock (_gate)
        {
            if (_stopping || room.Dropped || seat.Connection is not null || !room.Seats.TryGetValue(seat.ClientId, out var current) || current != seat)
            {
                return;
            }

            seat.ClaimTimer?.Dispose();
            room.Seats.Remove(seat.ClientId);
            RemoveIfEmpty(room);
        }

        RelayLog.ClaimExpired(_context.Logger, room.Id, ClientTag.Of(seat.ClientId), _context.Options.ClaimTimeout);
        _departures.ClientDeparted(room.Id, seat.ClientId, DepartureReason.Left);
    }

    // Only this room: after a drop, the id may name a newer room.
    private void RemoveIfEmpty(Room room)
    {
        if (room.Seats.Count == 0 && _rooms.TryGetValue(room.Id, out var current) && current == room && _rooms.Remove(room.Id))
        {
            _context.Metrics.RoomRemoved();
            RelayLog.RoomRemoved(_context.Logger, room.Id);
        }
    }

    private void CloseStuckReceivers()
    {
        var now = _context.Time.GetTimestamp();
        lock (_gate)
        {
            foreach (var room in _rooms.Values)
            {
                foreach (var connection in room.Members.All)
                {
                    connection.CloseIfStuck(now);
                }
            }
        }
    }

    // A member's record, on its way to the room router; when the way is full, the member hears at once that it failed.
    private void RecordRequested(Room room, string clientId, bool on, string? email, JsonElement? id)
    {
        if (!_recordings.TryRequest(new RecordRequest(room.Id, clientId, on, email, id)))
        {
            room.State?.Refuse(clientId, ErrorCodes.RecordingUnavailable, "too many recording requests at once; try again", id);
        }
    }

    private sealed class RoomListener(RoomRegistry registry, Room room) : IRoomStateListener
    {
        public void MemberDeparted(string clientId, DepartureReason reason) => registry.MemberDeparted(room, clientId, reason);

        public void RoomEnded() => registry.RoomEnded(room);

        public void RecordRequested(string clientId, bool on, string? email, JsonElement? id) => registry.RecordRequested(room, clientId, on, email, id);
    }

    private async Task RefuseAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(_context.Options.CloseTimeout, _context.Time);
        try
        {
            var status = _stopping ? WebSocketCloseStatus.EndpointUnavailable : WebSocketCloseStatus.PolicyViolation;
            await socket.CloseAsync(status, _stopping ? "server shutting down" : "not registered", timeout.Token);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
        {
            socket.Abort();
        }

        _context.Metrics.ConnectionRefused();
    }
}
