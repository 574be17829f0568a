using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace AvatarStream.StreamService.Core;

// The instance's room runtime: which clients have a seat in which room, and the live connections.
// Membership changes (register, connect, leave) take one lock; relaying a frame takes none.
public sealed class RoomRegistry : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Room> _rooms = new(StringComparer.Ordinal);
    private readonly RelayContext _context;
    private readonly IClientDepartureSink _departures;
    private readonly ITimer _sweeper;
    private bool _stopping;

    public RoomRegistry(RelayOptions options, IClientDepartureSink departures, RelayMetrics metrics, TimeProvider time, ILogger<RoomRegistry> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _context = new RelayContext(options, new MessagePool(options.MaxMessageBytes + 1), metrics, time, logger);
        _departures = departures;
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

    // Seats a client, creating its room if absent. Idempotent.
    public RegisterOutcome Register(string roomId, string clientId)
    {
        ArgumentException.ThrowIfNullOrEmpty(roomId);
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        lock (_gate)
        {
            if (_stopping)
            {
                return RegisterOutcome.Stopping;
            }

            var created = !_rooms.TryGetValue(roomId, out var room);
            if (room is null)
            {
                room = new Room(roomId);
                _rooms.Add(roomId, room);
                _context.Metrics.RoomCreated();
            }
            else if (room.Seats.ContainsKey(clientId))
            {
                return RegisterOutcome.AlreadySeated;
            }

            var seat = new Seat(room, clientId);
            room.Seats.Add(clientId, seat);
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

    // Joins a seated client to its room, accepts its socket and relays until the socket closes, then
    // removes the client. The client is a member before the upgrade completes, so nothing sent to the
    // room after its handshake is missed. A socket already open for the same client is closed in favour of this one.
    // The accepted socket is disposed here, once the relay is done with it.
    public async Task RunAsync(Func<Task<WebSocket>> acceptAsync, string roomId, string clientId)
    {
        ArgumentNullException.ThrowIfNull(acceptAsync);
        var connection = Join(roomId, clientId, out var replaced);
        if (connection is null)
        {
            using var refused = await acceptAsync();
            await RefuseAsync(refused);
            return;
        }

        if (replaced is not null && replaced.BeginClose(CloseCodes.Replaced, "replaced by a newer connection", CloseReason.Replaced))
        {
            RelayLog.Replaced(_context.Logger, roomId, replaced.ClientTag);
        }

        try
        {
            using var socket = await acceptAsync();
            RelayLog.Connected(_context.Logger, roomId, connection.ClientTag);
            await connection.RunAsync(socket);
        }
        finally
        {
            Leave(connection);
        }
    }

    // Stops seating clients and starts closing every socket with 1001; each is aborted after the close timeout. No client
    // is reported as departed from here on, so the room router keeps every seat for the instance's restart.
    public void CloseAll()
    {
        List<RelayConnection> connections = [];
        lock (_gate)
        {
            _stopping = true;
            foreach (var room in _rooms.Values)
            {
                connections.AddRange(room.Members.All);
            }
        }

        RelayLog.ClosingAll(_context.Logger, connections.Count);
        foreach (var connection in connections)
        {
            connection.BeginClose(WebSocketCloseStatus.EndpointUnavailable, "server shutting down", CloseReason.Shutdown);
        }
    }

    public void Dispose() => _sweeper.Dispose();

    private RelayConnection? Join(string roomId, string clientId, out RelayConnection? replaced)
    {
        replaced = null;
        lock (_gate)
        {
            if (_stopping || !_rooms.TryGetValue(roomId, out var room) || !room.Seats.TryGetValue(clientId, out var seat))
            {
                return null;
            }

            seat.ClaimTimer?.Dispose();
            seat.ClaimTimer = null;
            var connection = new RelayConnection(room, clientId, _context);
            replaced = seat.Connection;
            seat.Connection = connection;
            room.Members = replaced is null ? room.Members.With(connection) : room.Members.Replace(replaced, connection);
            _context.Metrics.ConnectionOpened();
            return connection;
        }
    }

    private void Leave(RelayConnection connection)
    {
        var room = connection.Room;
        bool departed;
        lock (_gate)
        {
            room.Members = room.Members.Without(connection);
            // A replaced connection leaves its seat to its successor. On shutdown nobody departs: the room router
            // keeps the seat, and the instance seats the client again when it starts.
            departed = !_stopping && room.Seats.TryGetValue(connection.ClientId, out var seat) && seat.Connection == connection;
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
            _departures.ClientDeparted(room.Id, connection.ClientId);
        }
    }

    private void ExpireClaim(Seat seat)
    {
        var room = seat.Room;
        lock (_gate)
        {
            if (_stopping || seat.Connection is not null || !room.Seats.TryGetValue(seat.ClientId, out var current) || current != seat)
            {
                return;
            }

            seat.ClaimTimer?.Dispose();
            room.Seats.Remove(seat.ClientId);
            RemoveIfEmpty(room);
        }

        RelayLog.ClaimExpired(_context.Logger, room.Id, ClientTag.Of(seat.ClientId), _context.Options.ClaimTimeout);
        _departures.ClientDeparted(room.Id, seat.ClientId);
    }

    private void RemoveIfEmpty(Room room)
    {
        if (room.Seats.Count == 0 && _rooms.Remove(room.Id))
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
