using System.ComponentModel.DataAnnotations;

namespace AvatarStream.RoomRouter.Options;

// Per-client-address budgets of the public API (section RateLimits), as token buckets: Burst requests at once, then
// PerMinute, refilled evenly. The address is the connection's peer, or X-Forwarded-For from Network:TrustedProxies.
public sealed class RateLimitsOptions
{
    public const string Section = "RateLimits";

    // A person creates a room now and then; 20 at once covers a page reloaded in a hurry or a small class setting up,
    // while a script filling the room table (Rooms:MaxRooms) from one address needs hours instead of seconds.
    [Range(1, 600_000, ErrorMessage = "RateLimits:CreateRoomPerMinute must be between {1} and {2}.")]
    public int CreateRoomPerMinute { get; set; } = 20;

    [Range(1, 100_000, ErrorMessage = "RateLimits:CreateRoomBurst must be between {1} and {2}.")]
    public int CreateRoomBurst { get; set; } = 20;

    // Clients join again on every reconnect, and a classroom or office behind one NAT joins at once: a room's worth
    // (Rooms:MaxClientsPerRoom, 50) and then some fits in the burst.
    [Range(1, 600_000, ErrorMessage = "RateLimits:JoinRoomPerMinute must be between {1} and {2}.")]
    public int JoinRoomPerMinute { get; set; } = 120;

    [Range(1, 100_000, ErrorMessage = "RateLimits:JoinRoomBurst must be between {1} and {2}.")]
    public int JoinRoomBurst { get; set; } = 120;

    // Joins that fail as a guess would (no such room) spend this much lower budget; once it is spent, every join from
    // the address is refused until it refills. A person mistypes an id a few times; someone walking the five-digit
    // id space to find live rooms gets 10 tries a minute.
    [Range(1, 600_000, ErrorMessage = "RateLimits:FailedJoinsPerMinute must be between {1} and {2}.")]
    public int FailedJoinsPerMinute { get; set; } = 10;

    [Range(1, 100_000, ErrorMessage = "RateLimits:FailedJoinBurst must be between {1} and {2}.")]
    public int FailedJoinBurst { get; set; } = 20;
}
