using System.Threading.RateLimiting;
using AvatarStream.RoomRouter.Options;
using AvatarStream.ServiceDefaults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Endpoints;

// Create and join budgets per client address, as the rate limiter's global limiter: it runs before the endpoint's
// concurrency policy, so a client over its budget is refused at once instead of waiting in that queue first.
internal static class AddressRateLimits
{
    public static TBuilder RequireAddressLimit<TBuilder>(this TBuilder endpoint, AddressLimit limit)
        where TBuilder : IEndpointConventionBuilder => endpoint.WithMetadata(limit);

    public static void AddAddressRateLimits(this RateLimiterOptions limiter) =>
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            if (http.GetEndpoint()?.Metadata.GetMetadata<AddressLimit>() is not { } limit)
            {
                return RateLimitPartition.GetNoLimiter(string.Empty);
            }

            var options = http.RequestServices.GetRequiredService<IOptions<RateLimitsOptions>>().Value;
            return RateLimitPartition.GetTokenBucketLimiter(
                $"{limit.Name} {ClientAddress.PartitionKey(http)}",
                _ => limit == AddressLimit.CreateRoom
                    ? RateLimitProblem.TokenBucket(options.CreateRoomPerMinute, options.CreateRoomBurst)
                    : RateLimitProblem.TokenBucket(options.JoinRoomPerMinute, options.JoinRoomBurst));
        });
}
