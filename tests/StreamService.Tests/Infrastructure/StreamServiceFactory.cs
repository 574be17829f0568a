using System.Net;
using System.Net.Http.Json;
using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults.InternalAuth;
using AvatarStream.ServiceDefaults.Tickets;
using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.RoomRouter;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AvatarStream.StreamService.Tests.Infrastructure;

// The real stream service on Kestrel at 127.0.0.1, a free port, with the room router and secret store faked.
public sealed class StreamServiceFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Stream:InstanceId"] = TestTickets.InstanceId,
        ["Stream:PublicUrl"] = "ws://127.0.0.1:1/",
        ["Stream:PutTaskRetryDelay"] = "00:00:00.010",
        ["Stream:PutTaskMaxRetryDelay"] = "00:00:00.050",
        ["Stream:CloseTimeout"] = "00:00:02",
        ["Logging:LogLevel:Default"] = "Warning",
        // Every test socket comes from 127.0.0.1; UpgradeRateLimitTests set their own.
        ["Stream:UpgradesPerMinute"] = "600000",
        ["Stream:UpgradeBurst"] = "100000",
    };

    private Uri? _address;

    public StreamServiceFactory(params (string Key, string Value)[] settings)
    {
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }

        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    public FakeRoomRouter Router { get; } = new();

    // Replaces the system clock, for tests that decide when claim timers fire.
    public TimeProvider? Clock { get; init; }

    public Uri Address => _address ??= Start();

    public RoomRegistry Registry => Services.GetRequiredService<RoomRegistry>();

    public RelayMetrics Metrics => Services.GetRequiredService<RelayMetrics>();

    public HttpClient CreateHttpClient() => new() { BaseAddress = Address };

    // This instance's id, which its tickets name.
    public string InstanceId => Services.GetRequiredService<IOptions<StreamOptions>>().Value.InstanceId;

    // The socket URL with a fresh ticket for the pair.
    public Uri SocketUri(string roomId, string clientId) => TicketUri(TestTickets.For(roomId, clientId, instanceId: InstanceId));

    public Uri TicketUri(string ticket) => new($"ws://{Address.Authority}/?ticket={Uri.EscapeDataString(ticket)}");

    // Registers a pair the way the room router does.
    public Task RegisterAsync(string roomId, string clientId) => RegisterAsync(new RegisterRequest(roomId, clientId));

    public async Task RegisterAsync(RegisterRequest register)
    {
        using var response = await PostInternalAsync(InternalRoutes.Register, register);
        response.EnsureSuccessStatusCode();
    }

    // An internal call as the room router makes it (contract JSON, internal token); the caller disposes the answer.
    public async Task<HttpResponseMessage> PostInternalAsync(string route, object? body = null)
    {
        using var http = CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = JsonContent.Create(body, options: ContractJson.Options) };
        request.Headers.Authorization = new("Bearer", FakeTokenSource.Token);
        return await http.SendAsync(request);
    }

    // Once the first put-task answer has been taken: the instance knows its era (the heartbeat is sequential, so the
    // second put-task starts only after the first answer was observed). Needs a short Stream:AnnounceInterval.
    public async Task WaitForEraAsync()
    {
        _ = Address;
        await Router.NextPutTaskAsync(TestSocket.DefaultTimeout);
        await Router.NextPutTaskAsync(TestSocket.DefaultTimeout);
    }

    // Registers and connects a client with a ticket in the query string.
    public async Task<TestSocket> JoinAsync(string roomId, string? clientId = null)
    {
        clientId ??= ClientIds.New();
        await RegisterAsync(roomId, clientId);
        return await TestSocket.ConnectAsync(SocketUri(roomId, clientId), clientId);
    }

    // Registers a v2 member (a host, or a guest with a name) and connects it with a ticket in the auth subprotocol.
    public async Task<V2Socket> JoinV2Async(string roomId, string role = RoomRoles.Guest, string? name = null, RoomSettings? settings = null, string? clientId = null)
    {
        clientId ??= ClientIds.New();
        await RegisterAsync(new RegisterRequest(roomId, clientId, role, name, settings));
        return await V2Socket.ConnectAsync(Address, roomId, clientId);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IRoomRouterClient>(Router);
            services.AddSingleton<IInternalTokenSource, FakeTokenSource>();
            services.AddSingleton<ITicketKeySource, FakeTicketKeySource>();
            if (Clock is not null)
            {
                services.AddSingleton(Clock);
            }
        });
    }

    private Uri Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }
}
