using AvatarStream.DevSidecar.State;
using AvatarStream.DevSidecar.Tests.Infrastructure;
using Grpc.Core;

namespace AvatarStream.DevSidecar.Tests;

public sealed class StateErrorTests
{
    private const string Store = "statestore";

    [Fact]
    public async Task UnknownStoreIsInvalidArgument()
    {
        await using var harness = await StateHarness.StartAsync(StoreKind.InMemory, Store);

        var error = await DaprAssert.FailsWith(StatusCode.InvalidArgument, () => harness.App.Client.GetStateAsync<string>("nope", "k"));

        Assert.Contains("state store nope is not found", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StateCallWithNoStoresIsFailedPrecondition()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var app = await harness.StartAsync("app1");

        await DaprAssert.FailsWith(StatusCode.FailedPrecondition, () => app.Client.SaveStateAsync("any", "k", "v"));
    }

    [Fact]
    public async Task KeyContainingTheSeparatorIsInvalidArgument()
    {
        await using var harness = await StateHarness.StartAsync(StoreKind.InMemory, Store);
        var client = harness.App.Client;

        await DaprAssert.FailsWith(StatusCode.InvalidArgument, () => client.SaveStateAsync(Store, "a||b", "v"));
        await DaprAssert.FailsWith(StatusCode.InvalidArgument, () => client.GetStateAsync<string>(Store, "a||b"));
        await DaprAssert.FailsWith(StatusCode.InvalidArgument, () => client.GetBulkStateAsync(Store, ["ok", "a||b"], null));
    }

    [Fact]
    public async Task MalformedETagIsInvalidArgument()
    {
        await using var harness = await StateHarness.StartAsync(StoreKind.InMemory, Store);
        var client = harness.App.Client;

        await DaprAssert.FailsWith(StatusCode.InvalidArgument, () => client.TrySaveStateAsync(Store, "k", "v", "not-an-etag"));
        await DaprAssert.FailsWith(StatusCode.InvalidArgument, () => client.TryDeleteStateAsync(Store, "k", "not-an-etag"));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-2")]
    [InlineData("1.5")]
    public async Task InvalidTtlIsRefusedAndStoresNothing(string ttl)
    {
        await using var harness = await StateHarness.StartAsync(StoreKind.InMemory, Store);
        var client = harness.App.Client;

        await DaprAssert.FailsWith(StatusCode.Internal, () =>
            client.SaveStateAsync(Store, "k", "v", metadata: new Dictionary<string, string> { [StateMetadata.TtlInSeconds] = ttl }));

        Assert.Null(await client.GetStateAsync<string>(Store, "k"));
    }
}
