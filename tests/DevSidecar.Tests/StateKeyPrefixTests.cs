using AvatarStream.DevSidecar.State;
using AvatarStream.DevSidecar.Tests.Infrastructure;

namespace AvatarStream.DevSidecar.Tests;

public sealed class StateKeyPrefixTests
{
    private const string Store = "statestore";

    [Theory, BothStores]
    public async Task DefaultAppIdPrefixIsolatesTwoApps(StoreKind kind)
    {
        await using var harness = SidecarHarness.Create(kind);
        harness.AddComponent("s.yaml", ComponentYaml.Of(Store, "state.redis"));
        var app1 = await harness.StartAsync("app1");
        var app2 = await harness.StartAsync("app2");

        await app1.Client.SaveStateAsync(Store, "k", "from app1");
        await app2.Client.SaveStateAsync(Store, "k", "from app2");

        Assert.Equal("from app1", await app1.Client.GetStateAsync<string>(Store, "k"));
        Assert.Equal("from app2", await app2.Client.GetStateAsync<string>(Store, "k"));
        var stored = await app1.Service<StateStoreRegistry>().Find(Store)!.Store.GetAsync("app1||k", CancellationToken.None);
        Assert.NotNull(stored);
    }

    [Theory]
    [InlineData("none", "k")]
    [InlineData("name", "statestore||k")]
    [InlineData("shared", "shared||k")]
    public async Task SharedPrefixStrategiesLetTwoAppsSeeOneKey(string keyPrefix, string storedKey)
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        harness.AddComponent("s.yaml", ComponentYaml.Of(Store, "state.redis", new Dictionary<string, string> { ["keyPrefix"] = keyPrefix }));
        var app1 = await harness.StartAsync("app1");
        var app2 = await harness.StartAsync("app2");

        await app1.Client.SaveStateAsync(Store, "k", "shared value");

        Assert.Equal("shared value", await app2.Client.GetStateAsync<string>(Store, "k"));
        Assert.NotNull(await app1.Service<StateStoreRegistry>().Find(Store)!.Store.GetAsync(storedKey, CancellationToken.None));
    }

    [Theory, BothStores]
    public async Task TwoComponentsOnTheClusterStoreDoNotShareKeys(StoreKind kind)
    {
        await using var harness = SidecarHarness.Create(kind);
        var noPrefix = new Dictionary<string, string> { ["keyPrefix"] = "none" };
        harness.AddComponent("a.yaml", ComponentYaml.Of("store-a", "state.redis", noPrefix));
        harness.AddComponent("b.yaml", ComponentYaml.Of("store-b", "state.postgresql", noPrefix));
        var app = await harness.StartAsync("app1");

        await app.Client.SaveStateAsync("store-a", "k", "a");

        Assert.Null(await app.Client.GetStateAsync<string>("store-b", "k"));
    }
}
