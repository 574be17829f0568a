using System.Net.Http.Json;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Recordings;
using AvatarStream.RoomRouter.Rooms;
using AvatarStream.RoomRouter.Storage;
using AvatarStream.RoomRouter.Streams;
using AvatarStream.RoomRouter.Tests.Fakes;
using AvatarStream.ServiceDefaults.InternalAuth;
using AvatarStream.ServiceDefaults.Tickets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AvatarStream.RoomRouter.Tests;

// The room router with its Dapr-facing interfaces swapped for in-memory fakes.
public sealed class RouterApplication(params (string Key, string Value)[] settings) : WebApplicationFactory<Program>
{
    public const string Token = "test-internal-token";

    public InMemoryStateStore Store { get; } = new();

    public InMemoryRoomActors Actors { get; } = new();

    public FakeStreamInstances Streams { get; } = new();

    public FakeRecorder Recorder { get; } = new();

    public TimeProvider? Clock { get; init; }

    // Keeps the real Dapr /register client, for tests that point the app at a sidecar.
    public bool UseDaprStreamClient { get; init; }

    public HttpClient CreateInternalClient(string? authorization = "Bearer " + Token)
    {
        var client = CreateClient();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        return client;
    }

    public async Task AnnounceAsync(params string[] instanceIds)
    {
        using var client = CreateInternalClient();
        foreach (var instanceId in instanceIds)
        {
            var response = await client.PostAsJsonAsync("/put-task", new PutTaskRequest(instanceId, StreamUrl(instanceId)), ContractJson.Options);
            response.EnsureSuccessStatusCode();
        }
    }

    // One put-task as a stream instance with that boot id makes it (a heartbeat, or a restart with another boot id); the era it was given.
    public async Task<long> AnnounceBootAsync(string instanceId, string boot)
    {
        using var client = CreateInternalClient();
        using var response = await client.PostAsJsonAsync("/put-task", new PutTaskRequest(instanceId, StreamUrl(instanceId), boot), ContractJson.Options);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PutTaskResponse>(ContractJson.Options))!.Era;
    }

    // An internal POST that must succeed.
    public async Task PostInternalAsync(string path, object body)
    {
        using var client = CreateInternalClient();
        using var response = await client.PostAsJsonAsync(path, body, ContractJson.Options);
        response.EnsureSuccessStatusCode();
    }

    public static string StreamUrl(string instanceId) => $"ws://{instanceId}.test:5001/";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in GenerousRateLimits.Settings.Concat(settings))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStateStore>(Store);
            services.AddSingleton<IRoomActors>(Actors);
            if (!UseDaprStreamClient)
            {
                services.AddSingleton<IStreamInstanceClient>(Streams);
            }

            services.AddSingleton<IRecorderClient>(Recorder);
            services.AddSingleton<IRecordingFiles>(Recorder);
            services.AddSingleton<IRecordingMail>(Recorder);
            services.AddSingleton<IInternalTokenSource>(new FixedTokenSource(Token));
            services.AddSingleton<ITicketKeySource>(new FixedTicketKeySource(FixedTicketKeySource.TestKey));
            services.AddSingleton<IStartupFilter, TestPeerAddress>();
            if (Clock is not null)
            {
                services.AddSingleton(Clock);
            }
        });
    }
}
