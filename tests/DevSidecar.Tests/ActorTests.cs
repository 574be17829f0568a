using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using AvatarStream.DevSidecar.Actors;
using AvatarStream.DevSidecar.Hosting;
using AvatarStream.DevSidecar.Tests.Infrastructure;
using AvatarStream.SidecarTestApp;
using Dapr;
using Dapr.Actors;
using Dapr.Actors.Client;
using Microsoft.Extensions.DependencyInjection;

namespace AvatarStream.DevSidecar.Tests;

// Actors over HTTP (dapr-contract §5), driven by the SDK's actor proxies and the app-side actor runtime.
public sealed class ActorTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly SidecarCluster _cluster = SidecarCluster.InMemory();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Actor_ConcurrentCallsToOneActor_NeverOverlap()
    {
        await using var host = await AppWithSidecar.StartAsync(_cluster, "actors");
        var actor = host.Actor("single");

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => actor.EnterAsync(5)));

        Assert.Equal(1, host.Probe.MaxInsideOneActor);
    }

    [Fact]
    public async Task Actor_CallsToDifferentActors_RunInParallel()
    {
        await using var host = await AppWithSidecar.StartAsync(_cluster, "actors");
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => host.Actor($"many-{i}").EnterAsync(300)));

        Assert.Equal(1, host.Probe.MaxInsideOneActor);
        Assert.True(host.Probe.MaxInsideAnyActors > 10, $"at most {host.Probe.MaxInsideAnyActors} actors were inside at once");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Actor_StateSurvivesDeactivation()
    {
        await using var host = await AppWithSidecar.StartAsync(_cluster, "actors", app => app with { ActorIdleTimeout = TimeSpan.FromMilliseconds(300) });
        var actor = host.Actor("keeper");
        await actor.SetValueAsync("kept");

        await Eventually.GetAsync(() => host.Probe.Events, e => e.Contains("deactivated:keeper"), Patience, "deactivation");

        Assert.Equal("kept", await actor.GetValueAsync());
    }

    [Fact]
    public async Task Actor_RemoteException_ReachesTheCallerAsActorMethodInvocationException()
    {
        await using var host = await AppWithSidecar.StartAsync(_cluster, "actors");

        var error = await Assert.ThrowsAsync<ActorMethodInvocationException>(() => host.Actor("failing").FailAsync("boom"));

        Assert.Equal("boom", Assert.IsType<ActorInvokeException>(error.InnerException).Message);
    }

    [Fact]
    public async Task Actor_UnknownType_FailsWithErrActorInvokeMethod()
    {
        await using var host = await AppWithSidecar.StartAsync(_cluster, "actors");
        var proxy = host.Proxies().Create(new ActorId("x"), "NoSuchActor");

        var error = await Assert.ThrowsAsync<DaprApiException>(() => proxy.InvokeMethodAsync<string>("Anything"));

        Assert.Equal("ERR_ACTOR_INVOKE_METHOD", error.ErrorCode);
    }

    [Fact]
    public async Task Actor_HostedByAnotherApp_IsReachedThroughTheOwnersSidecar()
    {
        await using var client = await AppWithSidecar.StartAsync(_cluster, "no-actors", app => app with { HostsActors = false });
        await using var host = await AppWithSidecar.StartAsync(_cluster, "actor-host");

        Assert.Equal("actor-host", await client.Actor("remote").WhereAsync());
        await client.Actor("remote").SetValueAsync("from afar");
        Assert.Equal("from afar", await host.Actor("remote").GetValueAsync());
    }

    [Fact]
    public async Task Actor_Replicas_EachOwnAStableShareOfTheIds()
    {
        await using var one = await AppWithSidecar.StartAsync(_cluster, "replicated", app => app with { Name = "one" });
        await using var two = await AppWithSidecar.StartAsync(_cluster, "replicated", app => app with { Name = "two" });
        var ids = Enumerable.Range(0, 20).Select(i => $"r{i}").ToArray();

        var viaOne = await Task.WhenAll(ids.Select(id => one.Actor(id).WhereAsync()));
        var viaTwo = await Task.WhenAll(ids.Select(id => two.Actor(id).WhereAsync()));

        Assert.Equal(viaOne, viaTwo);
        Assert.Contains("one", viaOne);
        Assert.Contains("two", viaOne);
    }

    [Fact]
    public async Task Actor_Reentrancy_LetsACallbackInTheSameChainIn()
    {
        await using var host = await AppWithSidecar.StartAsync(_cluster, "reentrant", app => app with { Reentrant = true });

        Assert.Equal("a>b>a", await host.Actor("a", TimeSpan.FromSeconds(10)).PingPongAsync(new PingPong("b", 2)));
    }

    [Fact]
    public async Task Actor_WithoutReentrancy_ACallbackWaitsForTheTurn()
    {
        await using var host = await AppWithSidecar.StartAsync(_cluster, "not-reentrant");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            host.Actor("a", TimeSpan.FromSeconds(1)).PingPongAsync(new PingPong("b", 2)));

        // a -> b -> a never unwinds by itself (as with daprd); cut the sidecar's graceful drain short.
        using var drain = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await host.Sidecar.StopAsync(drain.Token);
    }

    [Fact]
    public async Task Actor_PeriodicTimer_FiresUntilUnregistered()
    {
        await using var host = await AppWithSidecar.StartAsync(_cluster, "actors");
        var actor = host.Actor("ticking");

        await actor.StartTimerAsync(new ScheduleSpec("tick", 50, 100));
        await Eventually.GetAsync(() => host.Probe.Events.Count(e => e == "timer:ticking:tick"), n => n >= 2, Patience, "two timer fires");
        await actor.StopTimerAsync("tick");

        await AssertNoMoreEventsAsync(host);
    }

    [Fact]
    public async Task Actor_OneShotReminder_FiresOnceWithItsData()
    {
        await using var host = await AppWithSidecar.StartAsync(_cluster, "actors");

        await host.Actor("reminded").StartReminderAsync(new ScheduleSpec("once", 100, -1));

        await Eventually.GetAsync(() => host.Probe.Events, e => e.Contains("reminder:reminded:once:once"), Patience, "the reminder");
        await Task.Delay(300);
        Assert.Single(host.Probe.Events, e => e.StartsWith("reminder:reminded:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Actor_PeriodicReminder_FiresUntilUnregistered()
    {
        await using var host = await AppWithSidecar.StartAsync(_cluster, "actors");
        var actor = host.Actor("nagged");

        await actor.StartReminderAsync(new ScheduleSpec("nag", 0, 100));
        await Eventually.GetAsync(() => host.Probe.Events.Count(e => e == "reminder:nagged:nag:nag"), n => n >= 3, Patience, "three fires");
        await actor.StopReminderAsync("nag");

        await AssertNoMoreEventsAsync(host);
    }

    [Fact]
    public async Task Actor_ReminderGet_EchoesTheRegisteredStrings()
    {
        await using var host = await AppWithSidecar.StartAsync(_cluster, "actors");
        await host.Actor("echoed").StartReminderAsync(new ScheduleSpec("later", 3_600_000, 60_000));
        using var http = host.SidecarHttp();

        using var json = JsonDocument.Parse(await http.GetStringAsync("/v1.0/actors/TestActor/echoed/reminders/later"));

        Assert.Equal("echoed", json.RootElement.GetProperty("actorID").GetString());
        Assert.Equal("TestActor", json.RootElement.GetProperty("actorType").GetString());
        Assert.Equal("1h0m0s0ms", json.RootElement.GetProperty("dueTime").GetString());
        Assert.Equal("0h1m0s0ms", json.RootElement.GetProperty("period").GetString());
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("later")), json.RootElement.GetProperty("data").GetString());
    }

    [Fact]
    public async Task ActorApi_DoubleLeadingSlash_IsTolerated()
    {
        await using var host = await AppWithSidecar.StartAsync(_cluster, "actors");
        using var http = host.SidecarHttp();

        // What the SDK sends when its endpoint comes from DaprDefaults (always ending in '/').
        using var response = await http.GetAsync(host.Sidecar.HttpEndpoint + "//v1.0/actors/TestActor/nobody/state/nothing");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task ActorState_MissingKey_Returns204()
    {
        await using var host = await AppWithSidecar.StartAsync(_cluster, "actors");
        using var http = host.SidecarHttp();

        using var response = await http.GetAsync("/v1.0/actors/TestActor/nobody/state/nothing");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task ActorState_TransactionValues_ComeBackVerbatim()
    {
        await using var host = await AppWithSidecar.StartAsync(_cluster, "actors");
        using var http = host.SidecarHttp();
        const string body = """[{"operation":"upsert","request":{"key":"k","value":{"b": [1, 2.50]}}},{"operation":"delete","request":{"key":"gone"}}]""";

        using var put = await http.PutAsync("/v1.0/actors/TestActor/raw/state", new StringContent(body, Encoding.UTF8, "text/plain"));
        using var get = await http.GetAsync("/v1.0/actors/TestActor/raw/state/k");

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal("application/json", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"b": [1, 2.50]}""", await get.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ActorState_Ttl_IsRejectedWithoutTheActorStateTTLFeature()
    {
        await using var host = await AppWithSidecar.StartAsync(_cluster, "actors");
        using var http = host.SidecarHttp();

        using var response = await http.PutAsync("/v1.0/actors/TestActor/ttl/state", TtlUpsert());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ERR_ACTOR_STATE_TRANSACTION_SAVE", json.RootElement.GetProperty("errorCode").GetString());
        Assert.Contains(ActorStateTransaction.TtlFeature, json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActorState_Ttl_IsKeptWithTheActorStateTTLFeature()
    {
        await using var host = await AppWithSidecar.StartAsync(_cluster, "actors",
            sidecar: o => o with { Features = new HashSet<string> { ActorStateTransaction.TtlFeature } });
        using var http = host.SidecarHttp();

        using var put = await http.PutAsync("/v1.0/actors/TestActor/ttl/state", TtlUpsert());
        using var get = await http.GetAsync("/v1.0/actors/TestActor/ttl/state/k");

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.True(get.Headers.Contains("metadata.ttlExpireTime"));
    }

    [Fact]
    public async Task ActorState_MalformedTransaction_Returns400ErrMalformedRequest()
    {
        await using var host = await AppWithSidecar.StartAsync(_cluster, "actors");
        using var http = host.SidecarHttp();

        using var response = await http.PutAsync("/v1.0/actors/TestActor/bad/state", new StringContent("{not json", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ERR_MALFORMED_REQUEST", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actor_ActiveCount_IsKeptPerType()
    {
        await using var host = await AppWithSidecar.StartAsync(_cluster, "actors");

        await Task.WhenAll(host.Actor("c1").EnterAsync(0), host.Actor("c2").EnterAsync(0));

        Assert.Equal(2, host.Sidecar.Services.GetRequiredService<ActiveActors>().CountsByType()["TestActor"]);
    }

    // A fire already under way may still land; after that, nothing more may come.
    private static async Task AssertNoMoreEventsAsync(AppWithSidecar host)
    {
        await Task.Delay(500);
        var settled = host.Probe.Events.Count;
        await Task.Delay(400);
        Assert.Equal(settled, host.Probe.Events.Count);
    }

    private static StringContent TtlUpsert() => new(
        """[{"operation":"upsert","request":{"key":"k","value":"v","metadata":{"ttlInSeconds":"30"}}}]""", Encoding.UTF8, "text/plain");
}
