using System.Collections.Concurrent;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Options;
using AvatarStream.RoomRouter.Streams;
using AvatarStream.RoomRouter.Tests.Fakes;
using AvatarStream.ServiceDefaults.InternalAuth;
using Dapr.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Tests;

// The real /register client against a loopback stand-in for the sidecar's invoke route.
public sealed class DaprStreamInstanceClientTests : IAsyncLifetime
{
    private LoopbackSidecar? _sidecar;
    private DaprClient? _dapr;
    private DaprInvocationClients? _clients;

    private ConcurrentQueue<(string Path, string? Authorization, string Body)> Calls => _sidecar!.Calls;

    public async Task InitializeAsync()
    {
        _sidecar = await LoopbackSidecar.StartAsync();
        _dapr = new DaprClientBuilder().UseHttpEndpoint(_sidecar.Address).UseGrpcEndpoint(_sidecar.Address).Build();
        _clients = new DaprInvocationClients(_dapr);
    }

    public async Task DisposeAsync()
    {
        _clients?.Dispose();
        _dapr?.Dispose();
        if (_sidecar is not null)
        {
            await _sidecar.DisposeAsync();
        }
    }

    private DaprStreamInstanceClient NewClient(double timeoutSeconds = 30) =>
        new(
            _clients!,
            new FixedTokenSource("secret-token"),
            new StaticOptions(new RoomsOptions { RegisterTimeout = TimeSpan.FromSeconds(timeoutSeconds) }),
            NullLogger<DaprStreamInstanceClient>.Instance);

    [Fact]
    public async Task Register_PostsSnakeCaseBodyWithTheBearerToken_ToTheInstancesAppId()
    {
        var client = NewClient();

        var settings = new RoomSettings(Lobby: true, JoinClosesAt: new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(SeatingResult.Seated, await client.RegisterAsync("stream-1", new RegisterRequest("00157", "c1", RoomRoles.Guest, "Gus", settings, Era: 4), CancellationToken.None));

        var (path, authorization, body) = Assert.Single(Calls);
        Assert.Equal("/v1.0/invoke/stream-1/method/register", path);
        Assert.Equal("Bearer secret-token", authorization);
        Assert.Equal(
            """{"room_id":"00157","client_id":"c1","role":"guest","name":"Gus","settings":{"lobby":true,"join_closes_at":"2026-01-01T12:00:00+00:00","open":false},"knock":false,"era":4}""",
            body);
    }

    [Fact]
    public async Task Register_ErrorStatus_IsAFailure()
    {
        var client = NewClient();

        Assert.Equal(SeatingResult.Failed, await client.RegisterAsync("stream-broken", new RegisterRequest("00157", "c1"), CancellationToken.None));
    }

    [Fact]
    public async Task Register_PastTheTimeout_IsAFailure()
    {
        var client = NewClient(timeoutSeconds: 0.3);

        Assert.Equal(SeatingResult.Failed, await client.RegisterAsync("stream-slow", new RegisterRequest("00157", "c1"), CancellationToken.None));
    }

    [Fact]
    public async Task Register_CallerGivingUp_Throws()
    {
        var client = NewClient();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.RegisterAsync("stream-1", new RegisterRequest("00157", "c1"), cancelled.Token));
    }

    private sealed class StaticOptions(RoomsOptions value) : IOptionsMonitor<RoomsOptions>
    {
        public RoomsOptions CurrentValue => value;

        public RoomsOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<RoomsOptions, string?> listener) => null;
    }
}
