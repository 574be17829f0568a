using System.Net;
using System.Net.WebSockets;
using System.Text;
using AvatarStream.Contracts;
using AvatarStream.StreamService.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace AvatarStream.StreamService.Tests.Service;

// An instance that stops and starts again keeps its rooms: the router keeps the seats, the instance seats them again.
public sealed class RestartTests
{
    [Fact(Timeout = 30_000)]
    public async Task ClientsTheRouterListsForThisInstanceConnectWithoutANewRegister()
    {
        await using var app = new StreamServiceFactory(("Stream:InstanceId", "stream-3"));
        var (aliceId, bobId, carolId) = (ClientIds.New(), ClientIds.New(), ClientIds.New());
        app.Router.HostedRooms = [Hosted("00157", aliceId, bobId), Hosted("00158", carolId)];

        using var alice = await TestSocket.ConnectAsync(app.SocketUri("00157", aliceId), aliceId);
        using var bob = await TestSocket.ConnectAsync(app.SocketUri("00157", bobId), bobId);
        await alice.SendTextAsync("still here");

        Assert.Equal("still here", Encoding.UTF8.GetString((await bob.ReceiveAsync()).Payload));
        Assert.Equal("stream-3", app.Router.HostedRoomsAskedFor);
        Assert.True(app.Registry.HasSeat("00158", carolId));
        Assert.False(app.Registry.HasSeat("00158", aliceId));
    }

    [Fact(Timeout = 30_000)]
    public async Task ASocketArrivingBeforeTheRoomsAreBackWaitsForThem()
    {
        await using var app = new StreamServiceFactory();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var aliceId = ClientIds.New();
        app.Router.HostedRooms = [Hosted("00157", aliceId)];
        app.Router.HostedRoomsGate = release.Task;

        var connecting = TestSocket.ConnectAsync(app.SocketUri("00157", aliceId), aliceId);
        await Task.Delay(300);
        Assert.False(connecting.IsCompleted, "the socket was answered before the rooms were back");
        release.SetResult();

        using var alice = await connecting;
        Assert.Equal(WebSocketState.Open, alice.Socket.State);
    }

    [Fact(Timeout = 30_000)]
    public async Task AnUnknownPairIsStillRefusedWhenTheRoomsCannotBeRead()
    {
        await using var app = new StreamServiceFactory(("Stream:RestoreWait", "00:00:00.200"));
        app.Router.HostedRoomsFail = true;

        var stranger = ClientIds.New();
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => TestSocket.ConnectAsync(app.SocketUri("00157", stranger), stranger));
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);

        using var registered = await app.JoinAsync("00157");
        Assert.Equal(WebSocketState.Open, registered.Socket.State);
    }

    [Fact(Timeout = 30_000)]
    public async Task ARestoredClientThatNeverComesBackIsRemovedAfterTheClaimTimeout()
    {
        await using var app = new StreamServiceFactory(("Stream:ClaimTimeout", "00:00:00.200"));
        var goneForGood = ClientIds.New();
        app.Router.HostedRooms = [Hosted("00157", goneForGood)];
        _ = app.Address;

        var removal = await app.Router.NextRemovalAsync(TestSocket.DefaultTimeout);

        Assert.Equal(("00157", goneForGood), (removal.RoomId, removal.ClientId));
    }

    [Fact(Timeout = 30_000)]
    public async Task StoppingTheHostRemovesNoClientFromTheRouter()
    {
        // A fake clock: the pair that never connects reaches its claim timeout only when the test says so, after the stop,
        // and a slow machine cannot let Alice's own claim time out before her socket arrives.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new StreamServiceFactory(("Stream:ClaimTimeout", "00:00:30")) { Clock = clock };
        using var alice = await app.JoinAsync("00157");
        await app.RegisterAsync("00158", ClientIds.New());
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStopped.Register(stopped.SetResult);

        var closed = alice.ReceiveCloseAsync();
        lifetime.StopApplication();
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await closed);
        // Answering the close lets the server finish the handshake without waiting out its close timeout on the fake clock.
        await alice.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await stopped.Task.WaitAsync(TestSocket.DefaultTimeout);
        clock.Advance(TimeSpan.FromMinutes(1)); // past the claim timeout of the pair that never connected

        Assert.Empty(app.Router.Removals);
    }

    [Fact(Timeout = 30_000)]
    public async Task TheInstanceAnnouncesItselfAgainEveryInterval()
    {
        await using var app = new StreamServiceFactory(("Stream:AnnounceInterval", "00:00:00.050"));
        _ = app.Address;
        await app.Router.Announced.WaitAsync(TestSocket.DefaultTimeout);

        var deadline = DateTime.UtcNow + TestSocket.DefaultTimeout;
        while (app.Router.PutTaskAttempts < 4 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(app.Router.PutTaskAttempts >= 4, $"expected put-task again every 50 ms; saw {app.Router.PutTaskAttempts} calls");
    }

    [Fact(Timeout = 30_000)]
    public async Task RegisterDuringShutdownIsRefusedWith503()
    {
        await using var app = new StreamServiceFactory();
        using var alice = await app.JoinAsync("00157");
        app.Registry.CloseAll();

        using var http = app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, InternalRoutes.Register) { Content = new StringContent($$"""{"room_id":"00157","client_id":"{{ClientIds.New()}}"}""", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", FakeTokenSource.Token);
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    private static HostedRoom Hosted(string roomId, params string[] clientIds) =>
        new(roomId, [.. clientIds.Select(id => new HostedClient(id, RoomRoles.Guest, MemberNames.Default))], new RoomSettings());
}
