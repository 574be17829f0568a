using System.Text;
using AvatarStream.DevSidecar.Tests.Infrastructure;
using Dapr.Client;
using Grpc.Core;

namespace AvatarStream.DevSidecar.Tests;

public sealed class StateTransactionTests
{
    private const string Store = "statestore";

    [Theory, BothStores]
    public async Task TransactionAppliesEveryOperation(StoreKind kind)
    {
        await using var harness = await StateHarness.StartAsync(kind, Store);
        var client = harness.App.Client;
        await client.SaveStateAsync(Store, "gone", "x");

        await client.ExecuteStateTransactionAsync(Store,
        [
            new StateTransactionRequest("a", Encoding.UTF8.GetBytes("\"A\""), StateOperationType.Upsert),
            new StateTransactionRequest("b", Encoding.UTF8.GetBytes("\"B\""), StateOperationType.Upsert),
            new StateTransactionRequest("gone", null, StateOperationType.Delete),
        ]);

        Assert.Equal("A", await client.GetStateAsync<string>(Store, "a"));
        Assert.Equal("B", await client.GetStateAsync<string>(Store, "b"));
        Assert.Null(await client.GetStateAsync<string>(Store, "gone"));
    }

    [Theory, BothStores]
    public async Task TransactionWithOneStaleETagChangesNothing(StoreKind kind)
    {
        await using var harness = await StateHarness.StartAsync(kind, Store);
        var client = harness.App.Client;
        await client.SaveStateAsync(Store, "a", "a0");
        await client.SaveStateAsync(Store, "b", "b0");
        var (_, stale) = await client.GetStateAndETagAsync<string>(Store, "b");
        await client.SaveStateAsync(Store, "b", "b1");

        await DaprAssert.FailsWith(StatusCode.Internal, () => client.ExecuteStateTransactionAsync(Store,
        [
            new StateTransactionRequest("a", Encoding.UTF8.GetBytes("\"a1\""), StateOperationType.Upsert),
            new StateTransactionRequest("new", Encoding.UTF8.GetBytes("\"n\""), StateOperationType.Upsert),
            new StateTransactionRequest("b", Encoding.UTF8.GetBytes("\"b2\""), StateOperationType.Upsert, stale),
        ]));

        Assert.Equal("a0", await client.GetStateAsync<string>(Store, "a"));
        Assert.Equal("b1", await client.GetStateAsync<string>(Store, "b"));
        Assert.Null(await client.GetStateAsync<string>(Store, "new"));
    }

    [Theory, BothStores]
    public async Task TransactionStoresTheCallersBytesVerbatim(StoreKind kind)
    {
        await using var harness = await StateHarness.StartAsync(kind, Store);
        var client = harness.App.Client;
        byte[] raw = [0, 1, 2, 255];

        await client.ExecuteStateTransactionAsync(Store, [new StateTransactionRequest("raw", raw, StateOperationType.Upsert)]);

        Assert.Equal(raw, (await client.GetByteStateAsync(Store, "raw")).ToArray());
    }
}
