using System.Threading.RateLimiting;
using AvatarStream.ServiceDefaults;
using AvatarStream.StreamService.Core;
using Microsoft.Extensions.Options;

namespace AvatarStream.StreamService.Endpoints;

// WebSocket upgrade attempts per client address (Stream:UpgradesPerMinute, Stream:UpgradeBurst), checked before the
// credentials are read, so one address cannot try pairs or hold open handshakes at will.
internal static class UpgradeRateLimit
{
    public const string Policy = "upgrades";
    public const string MetricName = "upgrade";

    public static IServiceCollection AddUpgradeRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<StreamOptions>>().Value;
                return RateLimitPartition.GetTokenBucketLimiter(
                    ClientAddress.PartitionKey(http), _ => RateLimitProblem.TokenBucket(options.UpgradesPerMinute, options.UpgradeBurst));
            });
            limiter.OnRejected = async (context, _) =>
            {
                var http = context.HttpContext;
                var options = http.RequestServices.GetRequiredService<IOptions<StreamOptions>>().Value;
                http.RequestServices.GetRequiredService<RelayMetrics>().RateLimited(MetricName);
                var retryAfter = RateLimitProblem.RetryAfter(context.Lease, TimeSpan.FromMinutes(1) / options.UpgradesPerMinute);
                await RateLimitProblem.Result(http, retryAfter).ExecuteAsync(http);
            };
        });
}
