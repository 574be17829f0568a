using System.Net;
using AvatarStream.ServiceDefaults;

namespace AvatarStream.RoomRouter.Tests;

internal static class RateLimitAssert
{
    // A 429 rate-limited problem that says, in whole seconds, when to come back.
    public static async Task IsRateLimitedAsync(HttpResponseMessage response)
    {
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests, ProblemTypes.RateLimited);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {response.Headers.RetryAfter}");
    }
}
