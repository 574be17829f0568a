namespace AvatarStream.RoomRouter.Tests;

// Every test request comes from one address, and many tests create and join more a minute than the per-address
// defaults allow; tests of the limits set their own, which come later and win.
internal static class GenerousRateLimits
{
    public static readonly (string Key, string Value)[] Settings =
    [
        ("RateLimits:CreateRoomPerMinute", "600000"),
        ("RateLimits:CreateRoomBurst", "100000"),
        ("RateLimits:JoinRoomPerMinute", "600000"),
        ("RateLimits:JoinRoomBurst", "100000"),
        ("RateLimits:FailedJoinsPerMinute", "600000"),
        ("RateLimits:FailedJoinBurst", "100000"),
    ];
}
