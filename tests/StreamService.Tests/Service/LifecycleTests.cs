using System.Net.WebSockets;
using System.Text;
using AvatarStream.Contracts;
using AvatarStream.StreamService.RoomRouter;
using AvatarStream.StreamService.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AvatarStream.StreamService.Tests.Service;

public sealed class LifecycleTests
{
    [Fact(Timeout = 30_000)]
    public async Task PutTaskAnnouncesTheInstanceAtStart()
    {
        await using var app = new StreamServiceFactory(("Stream:InstanceId", "stream-7"), ("Stream:PublicUrl", "ws://127.0.0.1:5007/"));
        _ = app.Address;

        var announced = await app.Router.Announced.WaitAsync(TestSocket.DefaultTimeout);

        Assert.Equal("stream-7", announced.InstanceId);
        Assert.Equal("ws://127.0.0.1:5007/", announced.StreamUrl);
    }

    [Fact(Timeout = 30_000)]
    public async Task PutTaskIsRetriedUntilTheRouterAnswers()
    {
        await using var app = new StreamServiceFactory();
        app.Router.PutTaskFailuresBeforeSuccess = 3;
        _ = app.Address;

        await app.Router.Announced.WaitAsync(TestSocket.DefaultTimeout);

        Assert.Equal(4, app.Router.PutTaskAttempts);
    }

    [Fact(Timeout = 30_000)]
    public async Task ClosingASocketRemovesTheClientAndTheEmptyRoom()
    {
        await using var app = new StreamServiceFactory();
        using var alice = await app.JoinAsync("00157");
        using var bob = await app.JoinAsync("00157");

        await alice.CloseAsync();
        var first = await app.Router.NextRemovalAsync(TestSocket.DefaultTimeout);
        Assert.Equal(("00157", alice.ClientId), (first.RoomId, first.ClientId));
        Assert.Equal(1, app.Registry.RoomCount);
        Assert.False(app.Registry.HasSeat("00157", alice.ClientId));

        bob.Socket.Abort();
        var second = await app.Router.NextRemovalAsync(TestSocket.DefaultTimeout);
        Assert.Equal(bob.ClientId, second.ClientId);
        Assert.Equal(0, app.Registry.RoomCount);
    }

    [Fact(Timeout = 30_000)]
    public async Task DepartureIsNotSentOnceTheClientIsSeatedAgain()
    {
        await using var app = new StreamServiceFactory();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Router.RemoveClientGate = held.Task;
        using var first = await app.JoinAsync("00157");
        using var rejoining = await app.JoinAsync("00157");
        using var last = await app.JoinAsync("00157");

        // The first departure holds the worker, so the next ones wait in its queue.
        await first.CloseAsync();
        await WaitUntilDepartedAsync(app, "00157", first.ClientId);
        await rejoining.CloseAsync();
        await WaitUntilDepartedAsync(app, "00157", rejoining.ClientId);
        await app.RegisterAsync("00157", rejoining.ClientId);
        await last.CloseAsync();
        await WaitUntilDepartedAsync(app, "00157", last.ClientId);

        held.SetResult();
        Assert.Equal(first.ClientId, (await app.Router.NextRemovalAsync(TestSocket.DefaultTimeout)).ClientId);
        Assert.Equal(last.ClientId, (await app.Router.NextRemovalAsync(TestSocket.DefaultTimeout)).ClientId);
        Assert.DoesNotContain(app.Router.Removals, removal => removal.ClientId == rejoining.ClientId);
        Assert.True(app.Registry.HasSeat("00157", rejoining.ClientId));
    }

    [Fact(Timeout = 30_000)]
    public async Task RegisteredClientThatNeverConnectsIsDroppedAfterTheClaimTimeout()
    {
        await using var app = new StreamServiceFactory(("Stream:ClaimTimeout", "00:00:00.200"));
        var neverShowsUp = ClientIds.New();
        await app.RegisterAsync("00157", neverShowsUp);

        var removal = await app.Router.NextRemovalAsync(TestSocket.DefaultTimeout);

        Assert.Equal(("00157", neverShowsUp), (removal.RoomId, removal.ClientId));
        Assert.Equal(0, app.Registry.RoomCount);
    }

    [Fact(Timeout = 30_000)]
    public async Task SecondSocketWithTheSameClientIdReplacesTheFirst()
    {
        await using var app = new StreamServiceFactory();
        using var alice = await app.JoinAsync("00157");
        using var bob = await app.JoinAsync("00157");

        using var bobAgain = await TestSocket.ConnectAsync(app.SocketUri("00157", bob.ClientId), bob.ClientId);

        Assert.Equal(StreamProtocol.CloseCodes.Replaced, await bob.ReceiveCloseAsync());
        Assert.Equal("replaced by a newer connection", bob.Socket.CloseStatusDescription);
        await alice.SendTextAsync("to the new bob");
        Assert.Equal("to the new bob", Encoding.UTF8.GetString((await bobAgain.ReceiveAsync()).Payload));
        Assert.True(app.Registry.HasSeat("00157", bob.ClientId));
        Assert.Empty(app.Router.Removals);
    }

    [Fact(Timeout = 30_000)]
    public async Task StoppingTheHostClosesEverySocketWith1001()
    {
        await using var app = new StreamServiceFactory();
        using var alice = await app.JoinAsync("00157");
        using var bob = await app.JoinAsync("00158");

        var closes = new[] { alice.ReceiveCloseAsync(), bob.ReceiveCloseAsync() };
        app.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        Assert.All(await Task.WhenAll(closes), status => Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, status));
        Assert.Equal(InstanceDrain.RejoinDescription, alice.Socket.CloseStatusDescription);
    }

    [Fact(Timeout = 60_000)]
    public async Task ReceiverThatNeverReadsDoesNotSlowTheOthersAndIsClosed()
    {
        await using var app = new StreamServiceFactory(
            ("Stream:SendQueueCapacity", "4"), ("Stream:SendTimeout", "00:00:01"), ("Stream:CloseTimeout", "00:00:00.500"));
        using var sender = await app.JoinAsync("00157");
        using var reader = await app.JoinAsync("00157");
        using var stuck = await app.JoinAsync("00157");
        const int count = 400;

        // Paced by the reader, so its own queue never overflows; 400 x 64 KiB is far more than the
        // stuck member's socket buffers and queue can hold.
        for (var sequence = 0; sequence < count; sequence++)
        {
            await sender.SendAsync(Payloads.Make(0, sequence, 64 * 1024));
            var (_, payload) = await reader.ReceiveAsync();
            Assert.Equal((0, sequence), Payloads.Read(payload));
        }

        var removal = await app.Router.NextRemovalAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(stuck.ClientId, removal.ClientId);
        Assert.True(app.Metrics.MessagesDropped > 0, "the stuck member's queue overflowed");
        Assert.Equal(WebSocketState.Open, reader.Socket.State);
    }

    [Fact(Timeout = 30_000)]
    public async Task InstanceIdThatIsNoAppIdStopsTheStart()
    {
        // Started as Program starts it: through WebApplicationFactory a failed start can surface as an
        // ObjectDisposedException when the entry point's disposal of the host wins the race.
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = StreamServiceApp.Build(["--Stream:InstanceId=stream_1", "--Stream:PublicUrl=ws://127.0.0.1:1/", "--urls=http://127.0.0.1:0"]);
            await app.StartAsync();
        });

        Assert.Contains("Stream:InstanceId must be this instance's Dapr app-id", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task WaitUntilDepartedAsync(StreamServiceFactory app, string roomId, string clientId)
    {
        using var timeout = new CancellationTokenSource(TestSocket.DefaultTimeout);
        while (app.Registry.HasSeat(roomId, clientId))
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
