using AvatarStream.DevSidecar.Tests.Infrastructure;
using Dapr.Client;

namespace AvatarStream.DevSidecar.Tests;

public sealed class StateBulkTests
{
    private const string Store = "statestore";

    [Theory, BothStores]
    public async Task BulkGetReturnsEveryKeyWithMissingOnesEmpty(StoreKind kind)
    {
        await using var harness = await StateHarness.StartAsync(kind, Store);
        var client = harness.App.Client;
        await client.SaveBulkStateAsync(Store,
        [
            new SaveStateItem<string>("a", "A", ""),
            new SaveStateItem<string>("b", "B", ""),
        ]);

        var items = (await client.GetBulkStateAsync<string>(Store, ["a", "missing", "b"], parallelism: null))
            .ToDictionary(i => i.Key);

        Assert.Equal(["a", "b", "missing"], items.Keys.Order());
        Assert.Equal("A", items["a"].Value);
        Assert.Equal("B", items["b"].Value);
        Assert.NotEmpty(items["a"].ETag);
        Assert.Null(items["missing"].Value);
        Assert.Equal("", items["missing"].ETag);
    }

    [Theory, BothStores]
    public async Task BulkGetETagsAreUsableForConditionalWrites(StoreKind kind)
    {
        await using var harness = await StateHarness.StartAsync(kind, Store);
        var client = harness.App.Client;
        await client.SaveStateAsync(Store, "a", "A");

        var item = Assert.Single(await client.GetBulkStateAsync(Store, ["a"], parallelism: 1));

        Assert.True(await client.TrySaveStateAsync(Store, "a", "A2", item.ETag));
    }

    [Theory, BothStores]
    public async Task BulkDeleteRemovesEveryKey(StoreKind kind)
    {
        await using var harness = await StateHarness.StartAsync(kind, Store);
        var client = harness.App.Client;
        await client.SaveStateAsync(Store, "a", "A");
        await client.SaveStateAsync(Store, "b", "B");
        var (_, etag) = await client.GetStateAndETagAsync<string>(Store, "b");

        await client.DeleteBulkStateAsync(Store, [new BulkDeleteStateItem("a", ""), new BulkDeleteStateItem("b", etag)]);

        Assert.All(await client.GetBulkStateAsync(Store, ["a", "b"], parallelism: null), i => Assert.Equal("", i.ETag));
    }
}
