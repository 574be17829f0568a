using System.Net;
using System.Text.Json;
using AvatarStream.DevSidecar.Hosting;
using AvatarStream.DevSidecar.Metadata;
using AvatarStream.DevSidecar.Secrets;
using AvatarStream.DevSidecar.State;
using AvatarStream.DevSidecar.Tests.Infrastructure;
using Dapr.Client.Autogen.Grpc.v1;
using Microsoft.Extensions.Logging.Abstractions;

namespace AvatarStream.DevSidecar.Tests;

public sealed class MetadataTests
{
    [Fact]
    public async Task GetMetadataReturnsTheAppIdAndItsComponents()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        harness.AddComponent("s.yaml", ComponentYaml.Of("statestore", "state.redis", new Dictionary<string, string> { ["actorStateStore"] = "true" }));
        harness.AddComponent("other.yaml", ComponentYaml.Of("elsewhere", "state.redis", extra: "scopes: [\"app2\"]"));
        await SecretTests.StartWithFileStoreAsync(harness, new Dictionary<string, string>());
        var app = await harness.StartAsync("app1");

        var metadata = await app.Client.GetMetadataAsync();

        Assert.Equal("app1", metadata.Id);
        Assert.Equal(["secrets", "statestore"], metadata.Components.Select(c => c.Name).Order(StringComparer.Ordinal));
        var store = metadata.Components.Single(c => c.Name == "statestore");
        Assert.Equal("state.redis", store.Type);
        Assert.Equal("v1", store.Version);
        Assert.Equal(["ACTOR", "ETAG", "TRANSACTIONAL", "TTL"], store.Capabilities.Order(StringComparer.Ordinal));
        Assert.Empty(metadata.Actors);
    }

    [Fact]
    public async Task SetMetadataIsReportedAsExtendedMetadata()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var app = await harness.StartAsync("app1");
        using var http = app.CreateHttpClient();

        await app.Client.SetMetadataAsync("owner", "team-a");
        using var put = await http.PutAsync(new Uri("/v1.0/metadata/region", UriKind.Relative), new StringContent("eu"));

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        var extended = (await app.Client.GetMetadataAsync()).Extended;
        Assert.Equal("team-a", extended["owner"]);
        Assert.Equal("eu", extended["region"]);
    }

    [Fact]
    public async Task ActiveActorsComeFromTheActorRuntime()
    {
        await using var cluster = SidecarCluster.InMemory();
        var options = new SidecarOptions { AppId = "app1" };
        var secrets = new SecretStoreRegistry([], options, NullLogger<SecretStoreRegistry>.Instance);
        var states = new StateStoreRegistry([], new ComponentValues(options, secrets), options, cluster, NullLogger<StateStoreRegistry>.Instance);
        var actors = new FixedActors { Counts = [new ActiveActorCount("Room", 3)] };
        var service = new MetadataGrpcApi(new SidecarMetadata(options, [], states, actors));

        var response = await service.GetMetadata(new GetMetadataRequest(), context: null!);

        var actor = Assert.Single(response.ActorRuntime.ActiveActors);
        Assert.Equal(("Room", 3), (actor.Type, actor.Count));
    }

    [Fact]
    public async Task HttpMetadataHasDaprsKeys()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        harness.AddComponent("s.yaml", ComponentYaml.Of("statestore", "state.redis"));
        var app = await harness.StartAsync(new SidecarOptions { AppId = "app1", AppPort = 5123, ResourcesPath = harness.ResourcesPath });
        using var http = app.CreateHttpClient();

        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri("/v1.0/metadata", UriKind.Relative)));
        var root = document.RootElement;

        Assert.Equal("app1", root.GetProperty("id").GetString());
        foreach (var key in new[] { "runtimeVersion", "enabledFeatures", "actors", "extended", "subscriptions", "httpEndpoints", "actorRuntime" })
        {
            Assert.True(root.TryGetProperty(key, out _), key);
        }

        Assert.Equal("statestore", root.GetProperty("components")[0].GetProperty("name").GetString());
        Assert.Equal(5123, root.GetProperty("appConnectionProperties").GetProperty("port").GetInt32());
        Assert.Equal("DISABLED", root.GetProperty("actorRuntime").GetProperty("runtimeStatus").GetString());
    }

    private sealed class FixedActors : IActiveActorsSource
    {
        public IReadOnlyList<ActiveActorCount> Counts { get; set; } = [];

        public IReadOnlyList<ActiveActorCount> GetActiveActors() => Counts;
    }
}
