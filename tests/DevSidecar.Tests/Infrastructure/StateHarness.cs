using Microsoft.Extensions.Time.Testing;

namespace AvatarStream.DevSidecar.Tests.Infrastructure;

// A harness with one cluster-served state component (state.redis) and one started app, "app1".
public sealed class StateHarness : IAsyncDisposable
{
    private StateHarness(SidecarHarness harness, TestSidecar app)
    {
        Harness = harness;
        App = app;
    }

    public SidecarHarness Harness { get; }

    public TestSidecar App { get; }

    public static async Task<StateHarness> StartAsync(StoreKind kind, string storeName, FakeTimeProvider? time = null)
    {
        var harness = SidecarHarness.Create(kind, time);
        harness.AddComponent("statestore.yaml", ComponentYaml.Of(storeName, "state.redis"));
        return new StateHarness(harness, await harness.StartAsync("app1"));
    }

    public ValueTask DisposeAsync() => Harness.DisposeAsync();
}
