using AvatarStream.DevSidecar.State;
using AvatarStream.DevSidecar.Tests.Infrastructure;
using Dapr.Client.Autogen.Grpc.v1;
using Grpc.Net.Client;
using Microsoft.Extensions.Time.Testing;

namespace AvatarStream.DevSidecar.Tests;

public sealed class StateTtlTests
{
    private const string Store = "statestore";
    private static readonly Dictionary<string, string> OneSecond = new() { [StateMetadata.TtlInSeconds] = "1" };

    [Theory, BothStores]
    public async Task EntryWithTtlIsInvisibleOnceExpired(StoreKind kind)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var harness = await StateHarness.StartAsync(kind, Store, time);
        var client = harness.App.Client;
        await client.SaveStateAsync(Store, "k", "v", metadata: OneSecond);

        time.Advance(TimeSpan.FromMilliseconds(900));
        Assert.Equal("v", await client.GetStateAsync<string>(Store, "k"));

        time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Null(await client.GetStateAsync<string>(Store, "k"));
        Assert.Equal("", Assert.Single(await client.GetBulkStateAsync(Store, ["k"], parallelism: null)).ETag);
    }

    [Theory, BothStores]
    public async Task ExpiredEntryCountsAsAbsentForFirstWrite(StoreKind kind)
    {
        var time = new FakeTimeProvider();
        await using var harness = await StateHarness.StartAsync(kind, Store, time);
        var client = harness.App.Client;
        var firstWrite = new Dapr.Client.StateOptions { Concurrency = Dapr.Client.ConcurrencyMode.FirstWrite };
        await client.SaveStateAsync(Store, "k", "old", metadata: OneSecond);
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.True(await client.TrySaveStateAsync(Store, "k", "new", "", firstWrite));
    }

    [Theory, BothStores]
    public async Task TtlOfMinusOneNeverExpiresAndSaveWithoutTtlClearsIt(StoreKind kind)
    {
        var time = new FakeTimeProvider();
        await using var harness = await StateHarness.StartAsync(kind, Store, time);
        var client = harness.App.Client;
        await client.SaveStateAsync(Store, "forever", "v", metadata: new Dictionary<string, string> { [StateMetadata.TtlInSeconds] = "-1" });
        await client.SaveStateAsync(Store, "reset", "v", metadata: OneSecond);
        await client.SaveStateAsync(Store, "reset", "v2");

        time.Advance(TimeSpan.FromDays(1));

        Assert.Equal("v", await client.GetStateAsync<string>(Store, "forever"));
        Assert.Equal("v2", await client.GetStateAsync<string>(Store, "reset"));
    }

    [Theory, BothStores]
    public async Task GetStateReportsTtlExpireTimeInRfc3339(StoreKind kind)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
        await using var harness = await StateHarness.StartAsync(kind, Store, time);
        await harness.App.Client.SaveStateAsync(Store, "k", "v", metadata: new Dictionary<string, string> { [StateMetadata.TtlInSeconds] = "60" });
        using var channel = GrpcChannel.ForAddress(harness.App.Sidecar.GrpcEndpoint);
        var raw = new Dapr.Client.Autogen.Grpc.v1.Dapr.DaprClient(channel);

        var response = await raw.GetStateAsync(new GetStateRequest { StoreName = Store, Key = "k" });

        Assert.Equal("2026-03-04T05:07:07Z", response.Metadata[StateMetadata.TtlExpireTime]);
    }
}
