using AvatarStream.DevSidecar.Components;
using AvatarStream.DevSidecar.Hosting;
using AvatarStream.DevSidecar.Secrets;
using AvatarStream.DevSidecar.State;
using AvatarStream.DevSidecar.Tests.Infrastructure;
using Grpc.Core;

namespace AvatarStream.DevSidecar.Tests;

public sealed class ComponentsTests
{
    [Fact]
    public async Task SqliteComponentIsServedFromItsOwnFile()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var file = harness.Folder.Combine("own", "db.sqlite");
        harness.AddComponent("s.yaml", ComponentYaml.Of("sqlite", "state.sqlite", new Dictionary<string, string> { ["connectionString"] = file }));
        var app = await harness.StartAsync("app1");

        await app.Client.SaveStateAsync("sqlite", "k", "v");

        Assert.True(File.Exists(file));
        Assert.Null(await harness.Cluster.Store.GetAsync("state||sqlite||app1||k", CancellationToken.None));
        Assert.NotNull(await harness.Cluster.OpenSqlite(file).GetAsync("app1||k", CancellationToken.None));
    }

    [Fact]
    public async Task InMemoryComponentKeepsStateInItsOwnSidecar()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var shared = new Dictionary<string, string> { ["keyPrefix"] = "none" };
        harness.AddComponent("s.yaml", ComponentYaml.Of("mem", "state.in-memory", shared));
        var app1 = await harness.StartAsync("app1");
        var app2 = await harness.StartAsync("app2");

        await app1.Client.SaveStateAsync("mem", "k", "v");

        Assert.Equal("v", await app1.Client.GetStateAsync<string>("mem", "k"));
        Assert.Null(await app2.Client.GetStateAsync<string>("mem", "k"));
    }

    [Fact]
    public async Task ComponentScopedToAnotherAppIsNotServed()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        harness.AddComponent("open.yaml", ComponentYaml.Of("open", "state.redis"));
        harness.AddComponent("scoped.yaml", ComponentYaml.Of("scoped", "state.redis", extra: "scopes: [\"other\"]"));
        var app = await harness.StartAsync("app1");

        await DaprAssert.FailsWith(StatusCode.InvalidArgument, () => app.Client.SaveStateAsync("scoped", "k", "v"));
    }

    [Fact]
    public async Task OtherStateTypeIsServedByTheClusterStoreAndSaysSoOnce()
    {
        await using var harness = SidecarHarness.Create(StoreKind.Sqlite);
        harness.AddComponent("s.yaml", ComponentYaml.Of("statestore", "state.redis"));
        var app = await harness.StartAsync("app1");

        await app.Client.SaveStateAsync("statestore", "k", "v");
        await app.Client.GetStateAsync<string>("statestore", "k");

        Assert.Single(harness.Logs.Messages, m => m == "state store statestore of type state.redis is served by the development sidecar's SQLite store");
    }

    [Fact]
    public async Task ActorStateStoreIsTheComponentMarkedForActors()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        harness.AddComponent("plain.yaml", ComponentYaml.Of("plain", "state.redis"));
        harness.AddComponent("actors.yaml", ComponentYaml.Of("actors", "state.redis", new Dictionary<string, string> { ["actorStateStore"] = "true" }));
        var app = await harness.StartAsync("app1");
        var registry = app.Service<StateStoreRegistry>();

        var actorStore = registry.ActorStore;
        await actorStore!.Store.ApplyAsync([StateWrite.Upsert(StateKeys.ForActor("app1", "Room", "r1", "members"), "[]"u8.ToArray())], CancellationToken.None);

        Assert.Equal("actors", actorStore.Name);
        Assert.False(registry.Find("plain")!.IsActorStateStore);
        Assert.NotNull(await registry.Find("actors")!.Store.GetAsync("app1||Room||r1||members", CancellationToken.None));
        Assert.Null(await registry.Find("plain")!.Store.GetAsync("app1||Room||r1||members", CancellationToken.None));
    }

    [Fact]
    public async Task NoActorStateStoreMeansNull()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        harness.AddComponent("plain.yaml", ComponentYaml.Of("plain", "state.redis"));
        var app = await harness.StartAsync("app1");

        Assert.Null(app.Service<StateStoreRegistry>().ActorStore);
    }

    [Fact]
    public async Task SecretKeyRefIsReadFromTheComponentsSecretStore()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        await SecretTests.StartWithFileStoreAsync(harness, new Dictionary<string, string>());
        harness.AddComponent("redis.yaml", """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: cache
            spec:
              type: state.redis
              version: v1
              metadata:
              - name: redisPassword
                secretKeyRef:
                  name: db:password
              - name: redisHost
                secretKeyRef:
                  name: plain
                  key: plain
            auth:
              secretStore: secrets
            """);
        var app = await harness.StartAsync("app1");
        var values = app.Service<ComponentValues>();
        var cache = app.Service<StateStoreRegistry>().Find("cache")!.Component;

        Assert.Equal("pw", values.Resolve(cache, "redisPassword"));
        Assert.Equal("p", values.Resolve(cache, "redisHost"));
        Assert.Null(values.Resolve(cache, "absent"));
    }

    [Fact]
    public void SecretKeyRefWithoutSecretStoreIsAClearError()
    {
        var component = new Component("c", "state.redis", "v1", [new MetadataItem("redisPassword", null, new SecretKeyRef("pw", null))], [], null);
        var values = new ComponentValues(new SidecarOptions { AppId = "app1" }, EmptySecretStores());

        var error = Assert.Throws<InvalidDataException>(() => values.Resolve(component, "redisPassword"));

        Assert.Contains("auth.secretStore", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnvRefOverridesAndTemplatesAreResolved()
    {
        var variable = "DEVSIDECAR_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "from-env");
        try
        {
            var component = new Component("c", "bindings.cron", "v1",
            [
                new MetadataItem("fromEnv", null, EnvRef: variable),
                new MetadataItem("schedule", "@every 1h"),
                new MetadataItem("queue", "{appID}-queue"),
            ], [], null);
            var options = new SidecarOptions
            {
                AppId = "app1",
                MetadataOverrides = new Dictionary<(string, string), string> { [("c", "schedule")] = "@every 1s" },
            };
            var values = new ComponentValues(options, EmptySecretStores());

            Assert.Equal("from-env", values.Resolve(component, "fromEnv"));
            Assert.Equal("@every 1s", values.Resolve(component, "schedule"));
            Assert.Equal("app1-queue", values.Resolve(component, "QUEUE"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    private static SecretStoreRegistry EmptySecretStores() =>
        new([], new SidecarOptions { AppId = "app1" }, Microsoft.Extensions.Logging.Abstractions.NullLogger<SecretStoreRegistry>.Instance);
}
