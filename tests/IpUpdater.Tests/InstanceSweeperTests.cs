using System.Collections.Concurrent;
using AvatarStream.IpUpdater.Sweep;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AvatarStream.IpUpdater.Tests;

public class InstanceSweeperTests
{
    [Fact]
    public async Task ADeadInstanceIsEvictedOnTheSecondFailedSweepAndTheLiveOneNever()
    {
        var router = new FakeRouter("stream-1", "stream-2");
        var prober = new FakeProber { Dead = { "stream-2" } };
        var sweeper = NewSweeper(router, prober);

        var first = await sweeper.SweepAsync(CancellationToken.None);
        var second = await sweeper.SweepAsync(CancellationToken.None);

        Assert.Empty(first.Evicted);
        Assert.Equal(1, first.Unhealthy);
        Assert.Equal(["stream-2"], second.Evicted);
        Assert.Equal(["stream-2"], router.Evictions);
        Assert.Equal(["stream-1"], router.Instances);
    }

    [Fact]
    public async Task AnInstanceThatRecoversBetweenSweepsIsKept()
    {
        var router = new FakeRouter("stream-1");
        var prober = new FakeProber { Dead = { "stream-1" } };
        var sweeper = NewSweeper(router, prober);

        await sweeper.SweepAsync(CancellationToken.None);
        prober.Dead.Clear();
        await sweeper.SweepAsync(CancellationToken.None);
        prober.Dead.Add("stream-1");
        var third = await sweeper.SweepAsync(CancellationToken.None);

        Assert.Empty(third.Evicted);
        Assert.Empty(router.Evictions);
    }

    [Fact]
    public async Task ASweepThatOverlapsARunningOneIsSkippedSoNoFailureIsCountedTwice()
    {
        var router = new FakeRouter("stream-1");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var prober = new FakeProber { Dead = { "stream-1" }, Gate = gate.Task };
        var sweeper = NewSweeper(router, prober);

        var running = sweeper.SweepAsync(CancellationToken.None);
        var overlapping = await sweeper.SweepAsync(CancellationToken.None);
        gate.SetResult();
        var first = await running;

        Assert.True(overlapping.Skipped);
        Assert.Empty(first.Evicted);
        Assert.Equal(1, prober.Probes);
    }

    static InstanceSweeper NewSweeper(FakeRouter router, FakeProber prober) =>
        new(router, prober, Options.Create(new SweepOptions { FailuresBeforeEvict = 2 }), NullLogger<InstanceSweeper>.Instance);

    sealed class FakeRouter(params string[] instances) : IRoomRouterAdmin
    {
        public List<string> Instances { get; } = [.. instances];

        public List<string> Evictions { get; } = [];

        public Task<IReadOnlyList<string>> ListInstancesAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>(Instances.ToArray());

        public Task EvictAsync(string instanceId, CancellationToken cancellationToken)
        {
            Evictions.Add(instanceId);
            Instances.Remove(instanceId);
            return Task.CompletedTask;
        }
    }

    sealed class FakeProber : IInstanceProber
    {
        int _probes;

        public HashSet<string> Dead { get; } = [];

        public Task Gate { get; init; } = Task.CompletedTask;

        public int Probes => _probes;

        public async Task<bool> IsHealthyAsync(string instanceId, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _probes);
            await Gate;
            return !Dead.Contains(instanceId);
        }
    }
}
