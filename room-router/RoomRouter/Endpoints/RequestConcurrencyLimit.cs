using System.Threading.RateLimiting;
using AvatarStream.RoomRouter.Options;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Endpoints;

// Runs create and join requests a bounded number at a time (Rooms:MaxConcurrentRequests), oldest first,
// with a bounded queue behind them. Every request is a chain of sidecar calls sharing the same CPUs; without a bound,
// a burst slows all chains down at once and their /register calls time out, which evicts healthy instances.
// Waiting in the queue costs no timeout; a full queue answers 503 with Retry-After (see RouterRateLimiter).
internal static class RequestConcurrencyLimit
{
    public const string Policy = "room-requests";

    public static void AddRequestConcurrencyLimit(this RateLimiterOptions limiter) =>
        // One partition: the bound is per replica, whoever is calling.
        limiter.AddPolicy(Policy, http =>
        {
            var options = http.RequestServices.GetRequiredService<IOptions<RoomsOptions>>().Value;
            return RateLimitPartition.GetConcurrencyLimiter(Policy, _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = options.MaxConcurrentRequests,
                QueueLimit = options.MaxQueuedRequests,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
        });
}
