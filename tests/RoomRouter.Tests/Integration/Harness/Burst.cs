using System.Net;

namespace AvatarStream.RoomRouter.Tests.Integration.Harness;

// Many requests at once, released together, each answer read in full; the whole burst is bounded in time.
public static class Burst
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task<IReadOnlyList<Answer>> SendAsync(int count, Func<int, Task<HttpResponseMessage>> send)
    {
        using var deadline = new CancellationTokenSource(Limit);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = Enumerable.Range(0, count).Select(async i =>
        {
            await go.Task;
            using var response = await send(i).WaitAsync(deadline.Token);
            return new Answer(
                response.StatusCode,
                await response.Content.ReadAsStringAsync(deadline.Token),
                response.Headers.RetryAfter?.Delta);
        }).ToArray();
        go.SetResult();
        return await Task.WhenAll(requests);
    }

    public sealed record Answer(HttpStatusCode Status, string Body, TimeSpan? RetryAfter);
}
