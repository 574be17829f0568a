using System.Net;
using AvatarStream.RoomRouter.Endpoints;

namespace AvatarStream.RoomRouter.Tests;

// Create and join run a bounded number at a time; the rest wait in a bounded queue, then are refused.
public class RequestConcurrencyLimitTests
{
    [Fact]
    public async Task Create_BeyondTheRunningAndQueuedLimits_Is503RouterBusy_WithRetryAfter()
    {
        await using var app = new RouterApplication(("Rooms:MaxConcurrentRequests", "1"), ("Rooms:MaxQueuedRequests", "1"));
        await app.AnnounceAsync("stream-1");
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Streams.Hold = release.Task;
        using var client = app.CreateClient();
        var running = client.PostAsync("/create-room", null);
        await WaitUntilAsync(() => app.Actors.RoomsWithState().Count == 1);
        var queued = client.PostAsync("/create-room", null);
        var third = client.PostAsync("/create-room", null);

        // Either may reach the limiter first: that one waits in the queue, the other is refused at once. Release the
        // running request only after the refusal, whichever it was; awaiting one of them by name could wait on the
        // queued one, which only runs after the release.
        await Task.WhenAny(queued, third);
        release.SetResult();

        var answers = new[] { await running, await queued, await third };
        var refused = Assert.Single(answers, a => a.StatusCode != HttpStatusCode.OK);
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.ServiceUnavailable, RouterProblemTypes.RouterBusy);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await running).StatusCode);
    }

    [Fact]
    public async Task Create_WaitingInTheQueue_RunsOnceARunningOneEnds()
    {
        await using var app = new RouterApplication(("Rooms:MaxConcurrentRequests", "1"), ("Rooms:MaxQueuedRequests", "10"));
        await app.AnnounceAsync("stream-1");
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Streams.Hold = release.Task;
        using var client = app.CreateClient();
        var first = client.PostAsync("/create-room", null);
        await WaitUntilAsync(() => app.Actors.RoomsWithState().Count == 1);
        var second = client.PostAsync("/create-room", null);

        release.SetResult();

        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second).StatusCode);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, deadline.Token);
        }
    }
}
