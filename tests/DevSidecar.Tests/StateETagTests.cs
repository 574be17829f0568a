using AvatarStream.DevSidecar.Tests.Infrastructure;
using Dapr.Client;
using Grpc.Core;

namespace AvatarStream.DevSidecar.Tests;

public sealed class StateETagTests
{
    private const string Store = "statestore";

    [Theory, BothStores]
    public async Task StaleETagIsRefusedAndFreshETagIsAccepted(StoreKind kind)
    {
        await using var harness = await StartAsync(kind);
        var client = harness.App.Client;
        await client.SaveStateAsync(Store, "k", "v1");
        var (_, stale) = await client.GetStateAndETagAsync<string>(Store, "k");
        await client.SaveStateAsync(Store, "k", "v2");
        var (_, fresh) = await client.GetStateAndETagAsync<string>(Store, "k");

        Assert.False(await client.TrySaveStateAsync(Store, "k", "stale write", stale));
        Assert.Equal("v2", await client.GetStateAsync<string>(Store, "k"));
        Assert.True(await client.TrySaveStateAsync(Store, "k", "v3", fresh));
        Assert.Equal("v3", await client.GetStateAsync<string>(Store, "k"));
        Assert.NotEqual(stale, fresh);
    }

    [Theory, BothStores]
    public async Task FirstWriteOnExistingKeyIsRefused(StoreKind kind)
    {
        await using var harness = await StartAsync(kind);
        var client = harness.App.Client;
        var firstWrite = new StateOptions { Concurrency = ConcurrencyMode.FirstWrite };

        Assert.True(await client.TrySaveStateAsync(Store, "k", "first", "", firstWrite));
        Assert.False(await client.TrySaveStateAsync(Store, "k", "second", "", firstWrite));
        await DaprAssert.FailsWith(StatusCode.Aborted, () => client.SaveStateAsync(Store, "k", "third", firstWrite));
        Assert.Equal("first", await client.GetStateAsync<string>(Store, "k"));
    }

    [Theory, BothStores]
    public async Task SaveWithoutETagIsAnUnconditionalUpsert(StoreKind kind)
    {
        await using var harness = await StartAsync(kind);
        var client = harness.App.Client;
        await client.SaveStateAsync(Store, "k", 1);
        await client.SaveStateAsync(Store, "k", 2);

        Assert.Equal(2, await client.GetStateAsync<int>(Store, "k"));
    }

    [Theory, BothStores]
    public async Task MissingKeyReadsAsDefaultWithEmptyETag(StoreKind kind)
    {
        await using var harness = await StartAsync(kind);

        var (value, etag) = await harness.App.Client.GetStateAndETagAsync<string>(Store, "absent");

        Assert.Null(value);
        Assert.Equal("", etag);
    }

    [Theory, BothStores]
    public async Task DeleteWithStaleETagIsRefusedAndWithFreshETagDeletes(StoreKind kind)
    {
        await using var harness = await StartAsync(kind);
        var client = harness.App.Client;
        await client.SaveStateAsync(Store, "k", "v1");
        var (_, stale) = await client.GetStateAndETagAsync<string>(Store, "k");
        await client.SaveStateAsync(Store, "k", "v2");
        var (_, fresh) = await client.GetStateAndETagAsync<string>(Store, "k");

        Assert.False(await client.TryDeleteStateAsync(Store, "k", stale));
        Assert.Equal("v2", await client.GetStateAsync<string>(Store, "k"));
        Assert.True(await client.TryDeleteStateAsync(Store, "k", fresh));
        Assert.Null(await client.GetStateAsync<string>(Store, "k"));
    }

    [Theory, BothStores]
    public async Task DeleteWithETagOfAbsentKeyIsRefusedButWithoutETagIsIdempotent(StoreKind kind)
    {
        await using var harness = await StartAsync(kind);
        var client = harness.App.Client;

        Assert.False(await client.TryDeleteStateAsync(Store, "absent", Guid.NewGuid().ToString()));
        await client.DeleteStateAsync(Store, "absent");
        await client.DeleteStateAsync(Store, "absent");
    }

    [Theory, BothStores]
    public async Task TwentyConcurrentCompareAndSwapIncrementsLoseNoUpdate(StoreKind kind)
    {
        await using var harness = await StartAsync(kind);
        var client = harness.App.Client;

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => IncrementAsync(client, Store, "counter")));

        Assert.Equal(20, await client.GetStateAsync<int>(Store, "counter"));
    }

    // The optimistic-concurrency loop apps use: read with ETag, write back conditionally, retry on refusal.
    internal static async Task IncrementAsync(DaprClient client, string store, string key)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var (value, etag) = await client.GetStateAndETagAsync<int>(store, key);
            var options = new StateOptions { Concurrency = ConcurrencyMode.FirstWrite };
            if (await client.TrySaveStateAsync(store, key, value + 1, etag ?? "", options))
            {
                return;
            }
        }

        Assert.Fail("an increment did not get through in 200 attempts");
    }

    internal static async Task<StateHarness> StartAsync(StoreKind kind) => await StateHarness.StartAsync(kind, Store);
}
