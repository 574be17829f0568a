using AvatarStream.DevSidecar.Hosting;
using AvatarStream.DevSidecar.Tests.Infrastructure;

namespace AvatarStream.DevSidecar.Tests;

public sealed class StatePersistenceTests
{
    private const string Store = "statestore";

    [Fact]
    public async Task StateSurvivesASidecarRestartOnSqlite()
    {
        await using var harness = SidecarHarness.Create(StoreKind.Sqlite);
        harness.AddComponent("s.yaml", ComponentYaml.Of(Store, "state.redis"));
        var options = new SidecarOptions { AppId = "app1", ResourcesPath = harness.ResourcesPath };

        // The first "process": its own cluster on the file, stopped and closed before the second starts.
        await using (var firstCluster = harness.OpenCluster())
        await using (var first = await TestSidecar.StartAsync(options, firstCluster))
        {
            await first.Client.SaveStateAsync(Store, "k", "kept");
        }

        await using var secondCluster = harness.OpenCluster();
        await using var second = await TestSidecar.StartAsync(options, secondCluster);
        var (value, etag) = await second.Client.GetStateAndETagAsync<string>(Store, "k");
        Assert.Equal("kept", value);
        Assert.True(await second.Client.TrySaveStateAsync(Store, "k", "updated", etag));
    }

    [Fact]
    public async Task TwoClustersOnOneSqliteFileSeeEachOthersWrites()
    {
        await using var harness = SidecarHarness.Create(StoreKind.Sqlite);
        harness.AddComponent("s.yaml", ComponentYaml.Of(Store, "state.redis", new Dictionary<string, string> { ["keyPrefix"] = "none" }));
        await using var otherCluster = harness.OpenCluster();
        var a = await harness.StartAsync("app-a");
        var b = await harness.StartAsync(new SidecarOptions { AppId = "app-b", ResourcesPath = harness.ResourcesPath }, otherCluster);

        await a.Client.SaveStateAsync(Store, "k", "from a");
        var (value, etag) = await b.Client.GetStateAndETagAsync<string>(Store, "k");
        Assert.Equal("from a", value);

        Assert.True(await b.Client.TrySaveStateAsync(Store, "k", "from b", etag));
        Assert.False(await a.Client.TrySaveStateAsync(Store, "k", "stale", etag));
        Assert.Equal("from b", await a.Client.GetStateAsync<string>(Store, "k"));
    }

    [Fact]
    public async Task CompareAndSwapHoldsAcrossTwoClustersOnOneSqliteFile()
    {
        await using var harness = SidecarHarness.Create(StoreKind.Sqlite);
        harness.AddComponent("s.yaml", ComponentYaml.Of(Store, "state.redis", new Dictionary<string, string> { ["keyPrefix"] = "none" }));
        await using var otherCluster = harness.OpenCluster();
        var a = await harness.StartAsync("app-a");
        var b = await harness.StartAsync(new SidecarOptions { AppId = "app-b", ResourcesPath = harness.ResourcesPath }, otherCluster);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            StateETagTests.IncrementAsync(i % 2 == 0 ? a.Client : b.Client, Store, "counter")));

        Assert.Equal(20, await a.Client.GetStateAsync<int>(Store, "counter"));
    }
}
