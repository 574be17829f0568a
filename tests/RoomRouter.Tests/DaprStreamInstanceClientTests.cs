using System.Collections.Concurrent;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Options;
using AvatarStream.RoomRouter.Streams;
using AvatarStream.RoomRouter.Tests.Fakes;
using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Tests;

/// <summary>
/// The real <c>/register</c> client against a loopback server that answers Dapr's invoke route the way a sidecar
/// forwarding to the instance would.
/// </summary>
public sealed class DaprStreamInstanceClientTests : IAsyncLifetime
{
    readonly ConcurrentQueue<(string Path, string? Authorization, string Body)> calls = new();
    WebApplication? sidecar;
    DaprClient? dapr;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        sidecar = builder.Build();
        sidecar.MapPost("/v1.0/invoke/{appId}/method/register", async (string appId, HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            calls.Enqueue((http.Request.Path, http.Request.Headers.Authorization, await reader.ReadToEndAsync()));
            switch (appId)
            {
                case "stream-slow":
                    await Task.Delay(TimeSpan.FromSeconds(5), http.RequestAborted);
                    return Results.Ok();
                case "stream-broken":
                    return Results.StatusCode(StatusCodes.Status500InternalServerError);
                default:
                    return Results.Ok();
            }
        });
        await sidecar.StartAsync();
        var address = sidecar.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        dapr = new DaprClientBuilder().UseHttpEndpoint(address).UseGrpcEndpoint(address).Build();
    }

    public async Task DisposeAsync()
    {
        dapr?.Dispose();
        if (sidecar is not null)
        {
            await sidecar.DisposeAsync();
        }
    }

    // Generous by default: a cold first connection on a busy machine must not read as a failed register.
    DaprStreamInstanceClient NewClient(double timeoutSeconds = 30) =>
        new(
            dapr!,
            new FixedTokenSource("secret-token"),
            new StaticOptions(new RoomsOptions { RegisterTimeout = TimeSpan.FromSeconds(timeoutSeconds) }),
            NullLogger<DaprStreamInstanceClient>.Instance);

    [Fact]
    public async Task Register_PostsSnakeCaseBodyWithTheBearerToken_ToTheInstancesAppId()
    {
        using var client = NewClient();

        Assert.True(await client.RegisterAsync("stream-1", new RegisterRequest("00157", "c1"), CancellationToken.None));

        var (path, authorization, body) = Assert.Single(calls);
        Assert.Equal("/v1.0/invoke/stream-1/method/register", path);
        Assert.Equal("Bearer secret-token", authorization);
        Assert.Equal("""{"room_id":"00157","client_id":"c1"}""", body);
    }

    [Fact]
    public async Task Register_ErrorStatus_IsAFailure()
    {
        using var client = NewClient();

        Assert.False(await client.RegisterAsync("stream-broken", new RegisterRequest("00157", "c1"), CancellationToken.None));
    }

    [Fact]
    public async Task Register_PastTheTimeout_IsAFailure()
    {
        using var client = NewClient(timeoutSeconds: 0.3);

        Assert.False(await client.RegisterAsync("stream-slow", new RegisterRequest("00157", "c1"), CancellationToken.None));
    }

    [Fact]
    public async Task Register_CallerGivingUp_Throws()
    {
        using var client = NewClient();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.RegisterAsync("stream-1", new RegisterRequest("00157", "c1"), cancelled.Token));
    }

    sealed class StaticOptions(RoomsOptions value) : IOptionsMonitor<RoomsOptions>
    {
        public RoomsOptions CurrentValue => value;

        public RoomsOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<RoomsOptions, string?> listener) => null;
    }
}
