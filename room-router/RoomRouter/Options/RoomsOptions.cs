using System.ComponentModel.DataAnnotations;

namespace AvatarStream.RoomRouter.Options;

// Limits and timings of the room router, bound from the Rooms configuration section.
public sealed class RoomsOptions
{
    public const string Section = "Rooms";

    [Range(1, 50_000, ErrorMessage = "Rooms:MaxRooms must be between {1} and {2}.")]
    public int MaxRooms { get; set; } = 10_000;

    [Range(1, 10_000, ErrorMessage = "Rooms:MaxClientsPerRoom must be between {1} and {2}.")]
    public int MaxClientsPerRoom { get; set; } = 50;

    // How long one /register call on a stream instance may take.
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00", ErrorMessage = "Rooms:RegisterTimeout must be between {1} and {2}.")]
    public TimeSpan RegisterTimeout { get; set; } = TimeSpan.FromSeconds(2);

    // How many more instances a create tries after the first one fails to register.
    [Range(0, 10, ErrorMessage = "Rooms:RegisterRetries must be between {1} and {2}.")]
    public int RegisterRetries { get; set; } = 2;

    // How long a pending ledger row or seat holds before the repair may settle it.
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Rooms:ReservationTtl must be between {1} and {2}.")]
    public TimeSpan ReservationTtl { get; set; } = TimeSpan.FromSeconds(30);

    // The Retry-After sent with 429 and 503.
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Rooms:RetryAfter must be between {1} and {2}.")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    // How stale this replica's cached snapshots of the ledger and the instances may get.
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00", ErrorMessage = "Rooms:ViewRefreshInterval must be between {1} and {2}.")]
    public TimeSpan ViewRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    // How long a room whose stream instance died, drained or restarted waits for its first member back (whose join moves it
    // to a live instance) before it expires: long enough for every client's reconnect backoff and for a lone instance's
    // restart in a rolling update. The room keeps its seats and counts against the limits meanwhile.
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00", ErrorMessage = "Rooms:MoveTimeout must be between {1} and {2}.")]
    public TimeSpan MoveTimeout { get; set; } = TimeSpan.FromMinutes(2);

    // How long join-room answers 410 room-gone (not 404) for a room that expired while moving.
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "Rooms:EvictedRoomTtl must be between {1} and {2}.")]
    public TimeSpan EvictedRoomTtl { get; set; } = TimeSpan.FromHours(1);

    // How long join-room answers 410 room-ended (not 404) for a room its host ended.
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "Rooms:EndedRoomTtl must be between {1} and {2}.")]
    public TimeSpan EndedRoomTtl { get; set; } = TimeSpan.FromHours(1);

    // How many create and join requests run at once on this replica; more wait in a queue. Each one's calls (state,
    // actor, /register) then see the latency of a bounded amount of work, instead of every call in a burst
    // slowing down together until /register times out and a live instance is taken for dead.
    [Range(1, 10_000, ErrorMessage = "Rooms:MaxConcurrentRequests must be between {1} and {2}.")]
    public int MaxConcurrentRequests { get; set; } = 32;

    // How many create and join requests may wait for a turn; beyond that they are refused with 503 at once.
    [Range(0, 100_000, ErrorMessage = "Rooms:MaxQueuedRequests must be between {1} and {2}.")]
    public int MaxQueuedRequests { get; set; } = 1000;

    // How long a WebSocket ticket opens a socket: enough for a slow page to connect after join-room, short enough that
    // a ticket found in a log later is worthless (it is also usable once).
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00", ErrorMessage = "Rooms:TicketLifetime must be between {1} and {2}.")]
    public TimeSpan TicketLifetime { get; set; } = TimeSpan.FromSeconds(60);

    // How often expired pending rows are settled and moving rooms past Rooms:MoveTimeout expire.
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Rooms:RepairInterval must be between {1} and {2}.")]
    public TimeSpan RepairInterval { get; set; } = TimeSpan.FromSeconds(30);
}
