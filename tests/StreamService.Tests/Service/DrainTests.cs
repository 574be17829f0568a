using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults;
using AvatarStream.StreamService.RoomRouter;
using AvatarStream.StreamService.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace AvatarStream.StreamService.Tests.Service;

// A draining instance hands its rooms over: the router hears of it first, every socket closes with 1001 asking for a
// rejoin, then the router evicts this boot of the instance; nothing is seated or upgraded after that.
public sealed class DrainTests
{
    [Fact(Timeout = 30_000)]
    public async Task DrainTellsTheRouterClosesEverySocketWith1001ThenEvicts()
    {
        await using var app = new StreamServiceFactory();
        var boot = (await StartedAsync(app)).Boot;
        using var alice = await app.JoinAsync("00157");
        var host = await app.JoinV2Async("00158", RoomRoles.Host);
        await host.NextAsync("welcome");
        var atEachCall = new List<(bool Stopping, long Open)>();
        app.Router.OnDrainCall = _ => atEachCall.Add((app.Registry.IsStopping, app.Metrics.Connections));

        var closes = new[] { AnswerCloseAsync(alice), AnswerCloseAsync(host.Socket) };
        using var response = await app.PostInternalAsync(InternalRoutes.Drain);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new DrainReport(2, 2), await response.Content.ReadFromJsonAsync<DrainReport>(ContractJson.Options));
        Assert.All(await Task.WhenAll(closes), close => Assert.Equal((WebSocketCloseStatus.EndpointUnavailable, InstanceDrain.RejoinDescription), close));
        Assert.Equal(
            [new DrainInstanceRequest(TestTickets.InstanceId, boot), new EvictInstanceRequest(TestTickets.InstanceId, boot)],
            app.Router.DrainCalls.ToArray());
        Assert.Equal([(false, 2L), (true, 0L)], atEachCall);
        Assert.Empty(app.Router.Removals);
        Assert.Empty(app.Router.EndedRooms);
    }

    [Fact(Timeout = 30_000)]
    public async Task AfterADrainUpgradesRegistersAndPlacementsAre503()
    {
        await using var app = new StreamServiceFactory();
        await StartedAsync(app);
        var alice = ClientIds.New();
        await app.RegisterAsync("00157", alice);
        using var drained = await app.PostInternalAsync(InternalRoutes.Drain);
        drained.EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await Handshakes.RefusalAsync(app.SocketUri("00157", alice)));
        var (bob, carol) = (ClientIds.New(), ClientIds.New());
        using var register = await app.PostInternalAsync(InternalRoutes.Register, new RegisterRequest("00157", bob));
        using var place = await app.PostInternalAsync(
            InternalRoutes.PlaceRoom, new PlaceRoomRequest("00160", app.Router.Era, [new HostedClient(carol, RoomRoles.Guest, "Ada")], new RoomSettings()));
        foreach (var refused in new[] { register, place })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(ProblemTypes.InstanceStopping, (await refused.Content.ReadFromJsonAsync<ProblemDetails>())?.Type);
        }

        Assert.False(app.Registry.HasSeat("00157", bob));
        Assert.False(app.Registry.HasSeat("00160", carol));
    }

    [Fact(Timeout = 30_000)]
    public async Task DrainStopsTheHeartbeat()
    {
        await using var app = new StreamServiceFactory(("Stream:AnnounceInterval", "00:00:00.050"));
        await app.WaitForEraAsync();

        using var drained = await app.PostInternalAsync(InternalRoutes.Drain);
        drained.EnsureSuccessStatusCode();

        var heartbeat = app.Services.GetRequiredService<AnnounceWorker>().ExecuteTask;
        Assert.NotNull(heartbeat);
        Assert.True(heartbeat.IsCompletedSuccessfully, "the heartbeat loop still runs after the drain");
    }

    [Fact(Timeout = 30_000)]
    public async Task ASecondDrainWaitsForTheFirstAndTellsTheRouterNothingMore()
    {
        await using var app = new StreamServiceFactory();
        await StartedAsync(app);
        using var alice = await app.JoinAsync("00157");
        var closed = AnswerCloseAsync(alice);

        var drains = await Task.WhenAll(app.PostInternalAsync(InternalRoutes.Drain), app.PostInternalAsync(InternalRoutes.Drain));
        using var third = await app.PostInternalAsync(InternalRoutes.Drain);
        await closed;

        foreach (var response in drains.Append(third))
        {
            Assert.Equal(new DrainReport(1, 1), await response.Content.ReadFromJsonAsync<DrainReport>(ContractJson.Options));
            response.Dispose();
        }

        Assert.Equal(2, app.Router.DrainCalls.Count);
    }

    [Fact(Timeout = 30_000)]
    public async Task DrainWithoutTheTokenIs401AndDrainsNothing()
    {
        await using var app = new StreamServiceFactory();
        using var http = app.CreateHttpClient();

        using var response = await http.PostAsync(InternalRoutes.Drain, null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(app.Registry.IsStopping);
        Assert.Empty(app.Router.DrainCalls);
    }

    [Fact(Timeout = 30_000)]
    public async Task StoppingTheHostDrainsBeforeTheSocketsClose()
    {
        await using var app = new StreamServiceFactory();
        var boot = (await StartedAsync(app)).Boot;
        using var alice = await app.JoinAsync("00157");
        var atEachCall = new List<(bool Stopping, long Open)>();
        app.Router.OnDrainCall = _ => atEachCall.Add((app.Registry.IsStopping, app.Metrics.Connections));
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStopped.Register(stopped.SetResult);

        var closed = AnswerCloseAsync(alice);
        lifetime.StopApplication();

        Assert.Equal((WebSocketCloseStatus.EndpointUnavailable, InstanceDrain.RejoinDescription), await closed);
        await stopped.Task.WaitAsync(TestSocket.DefaultTimeout);
        Assert.Equal([new DrainInstanceRequest(TestTickets.InstanceId, boot), new EvictInstanceRequest(TestTickets.InstanceId, boot)], app.Router.DrainCalls.ToArray());
        Assert.Equal([(false, 1L), (true, 0L)], atEachCall);
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

        // Answering the close lets the server finish the handshake without waiting out its close timeout on the fake clock.
        var closed = AnswerCloseAsync(alice);
        lifetime.StopApplication();
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, (await closed).Status);
        await stopped.Task.WaitAsync(TestSocket.DefaultTimeout);
        clock.Advance(TimeSpan.FromMinutes(1)); // past the claim timeout of the pair that never connected

        Assert.Empty(app.Router.Removals);
    }

    private static async Task<PutTaskRequest> StartedAsync(StreamServiceFactory app)
    {
        _ = app.Address;
        return await app.Router.Announced.WaitAsync(TestSocket.DefaultTimeout);
    }

    // Reads up to the server's close frame and answers it, so the server need not wait out its close timeout.
    private static async Task<(WebSocketCloseStatus? Status, string? Description)> AnswerCloseAsync(TestSocket socket)
    {
        var status = await socket.ReceiveCloseAsync();
        await socket.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        return (status, socket.Socket.CloseStatusDescription);
    }
}
