using AvatarStream.Client;
using AvatarStream.Tests.Shared;

namespace AvatarStream.EndToEnd.Tests.ProtocolV2;

// One local run (devhost in one process: room router, two stream instances, development sidecars) for every v2 test,
// with a short knock timeout so that the lobby's timeout can be seen.
public sealed class V2System : IAsyncLifetime
{
    public static readonly TimeSpan KnockTimeout = TimeSpan.FromSeconds(3);

    private DevHostProcess? _host;
    private HttpClient? _http;

    public RoomRouterClient Router { get; private set; } = null!;

    public string BaseUrl => _host!.BaseUrl;

    public async Task InitializeAsync()
    {
        _host = await DevHostProcess.StartAsync(new Dictionary<string, string> { ["Stream__KnockTimeout"] = KnockTimeout.ToString() });
        _http = new HttpClient { BaseAddress = new Uri(_host.BaseUrl + "/"), Timeout = TimeSpan.FromSeconds(15) };
        Router = new RoomRouterClient(_http);
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

[CollectionDefinition(nameof(V2SystemCollection))]
public sealed class V2SystemCollection : ICollectionFixture<V2System>;
