using System.Threading.RateLimiting;
using AvatarStream.RoomRouter.Options;
using AvatarStream.ServiceDefaults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Endpoints;

// The public API's two limits: per-address budgets (429 rate-limited) and, behind them, the replica's concurrency
// bound (503 router-busy).
internal static class RouterRateLimiter
{
    public static IServiceCollection AddRouterRateLimiter(this IServiceCollection services)
    {
        services.AddSingleton<FailedJoinBudget>();
        return services.AddRateLimiter(limiter =>
        {
            limiter.AddAddressRateLimits();
            limiter.AddRequestConcurrencyLimit();
            limiter.OnRejected = OnRejectedAsync;
        });
    }

    // Only the address budgets (token buckets) say when a permit comes back; a full concurrency queue does not.
    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        if (http.GetEndpoint()?.Metadata.GetMetadata<AddressLimit>() is { } limit &&
            context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var refill))
        {
            http.RequestServices.GetRequiredService<RouterMetrics>().RateLimited(limit.Name);
            await RateLimitProblem.Result(http, refill).ExecuteAsync(http);
            return;
        }

        var retryAfter = http.RequestServices.GetRequiredService<IOptions<RoomsOptions>>().Value.RetryAfter;
        await RoomProblems.RouterBusy(http, retryAfter).ExecuteAsync(http);
    }
}
