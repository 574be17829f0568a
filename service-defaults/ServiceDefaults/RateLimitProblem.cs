using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AvatarStream.ServiceDefaults;

/// <summary>The 429 answer of a per-address rate limit: a rate-limited problem with Retry-After.</summary>
public static class RateLimitProblem
{
    /// <summary>When the lease's limiter says a permit comes back, else <paramref name="fallback"/>.</summary>
    public static TimeSpan RetryAfter(RateLimitLease lease, TimeSpan fallback) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : fallback;

    /// <summary>Sets Retry-After in whole seconds, rounded up and at least 1, so a client waiting that long finds a permit.</summary>
    public static void SetRetryAfter(HttpContext http, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    public static ProblemHttpResult Result(HttpContext http, TimeSpan retryAfter)
    {
        SetRetryAfter(http, retryAfter);
        return TypedResults.Problem(
            "Too many requests from this address; try again later.", statusCode: StatusCodes.Status429TooManyRequests, title: "Rate limited", type: ProblemTypes.RateLimited);
    }

    /// <summary>
    /// A token bucket of <paramref name="burst"/> permits refilled one at a time at <paramref name="perMinute"/>, with
    /// no queue: a refused request is answered at once instead of holding a connection.
    /// </summary>
    public static TokenBucketRateLimiterOptions TokenBucket(int perMinute, int burst) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
