using System.Threading.RateLimiting;
using AvatarStream.RoomRouter.Options;
using AvatarStream.RoomRouter.Rooms;
using AvatarStream.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Endpoints;

// The low per-address budget of joins that failed as a guess fails. It is spent by the outcome, after the work, so
// it is no middleware policy; a join is refused before any work while it is empty.
internal sealed class FailedJoinBudget : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public FailedJoinBudget(IOptions<RateLimitsOptions> options)
    {
        var limits = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(address =>
            RateLimitPartition.GetTokenBucketLimiter(address, _ => RateLimitProblem.TokenBucket(limits.FailedJoinsPerMinute, limits.FailedJoinBurst)));
    }

    // The failures an outsider probing for rooms gets: an unknown id, a wrong join key. A full or closed room means the
    // id was right.
    public static bool IsGuess(RoomFailure failure) => failure is RoomFailure.RoomNotFound or RoomFailure.WrongJoinKey;

    // A guess failed, or a new identity got only a knocking seat (no key): what probing ids gets. Such seats take room
    // places and bother hosts with knocks, so they cost the same budget. A rejoin that knocks again costs nothing.
    public static bool Spends(RoomOutcome outcome, bool heldIdentity) =>
        IsGuess(outcome.Failure) || (!heldIdentity && outcome.Ticket?.Knocking == true);

    // When the address may try again, or null while it has budget left; asking spends nothing.
    public TimeSpan? Exhausted(string address, TimeSpan fallback)
    {
        using var lease = _limiter.AttemptAcquire(address, permitCount: 0);
        return lease.IsAcquired ? null : RateLimitProblem.RetryAfter(lease, fallback);
    }

    public void Spend(string address) => _limiter.AttemptAcquire(address).Dispose();

    public void Dispose() => _limiter.Dispose();
}
