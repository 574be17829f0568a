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

    [Fact]
    public async Task WithConfirmation_ADeadInstanceIsEvictedWithinOneSweepAfterItsFailuresInARow()
    {
        var router = new FakeRouter("stream-1", "stream-2");
        var prober = new FakeProber { Dead = { "stream-2" } };
        var sweeper = NewSweeper(router, prober, confirmDelay: TimeSpan.FromMilliseconds(10), failuresBeforeEvict: 3);

        var sweep = await sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal(["stream-2"], sweep.Evicted);
        Assert.Equal(1, sweep.Unhealthy);
        Assert.Equal(3, prober.ProbesOf("stream-2"));
        Assert.Equal(1, prober.ProbesOf("stream-1"));
        Assert.Equal(["stream-1"], router.Instances);
    }

    [Fact]
    public async Task WithConfirmation_AnInstanceThatAnswersTheSecondProbeIsKept()
    {
        var router = new FakeRouter("stream-1");
        var prober = new FakeProber { FailuresLeft = { ["stream-1"] = 1 } };
        var sweeper = NewSweeper(router, prober, confirmDelay: TimeSpan.FromMilliseconds(10));

        var first = await sweeper.SweepAsync(CancellationToken.None);
        prober.FailuresLeft["stream-1"] = 1;
        var second = await sweeper.SweepAsync(CancellationToken.None);

        Assert.Empty(first.Evicted);
        Assert.Empty(second.Evicted);
        Assert.Equal(4, prober.ProbesOf("stream-1"));
        Assert.Empty(router.Evictions);
    }

    private static InstanceSweeper NewSweeper(FakeRouter router, FakeProber prober, TimeSpan? confirmDelay = null, int failuresBeforeEvict = 2) =>
        new(
            router,
            prober,
            Options.Create(new SweepOptions { FailuresBeforeEvict = failuresBeforeEvict, ConfirmDelay = confirmDelay ?? TimeSpan.Zero }),
            TimeProvider.System,
            NullLogger<InstanceSweeper>.Instance);

    private sealed class FakeRouter(params string[] instances) : IRoomRouterAdmin
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

    private sealed class FakeProber : IInstanceProber
    {
        private readonly ConcurrentDictionary<string, int> _probes = new(StringComparer.Ordinal);

        public HashSet<string> Dead { get; } = [];

        // Instances that fail this many more probes, then answer.
        public ConcurrentDictionary<string, int> FailuresLeft { get; } = new(StringComparer.Ordinal);

        public Task Gate { get; init; } = Task.CompletedTask;

        public int Probes => _probes.Values.Sum();

        public int ProbesOf(string instanceId) => _probes.GetValueOrDefault(instanceId);

        public async Task<bool> IsHealthyAsync(string instanceId, CancellationToken cancellationToken)
        {
            _probes.AddOrUpdate(instanceId, 1, (_, n) => n + 1);
            await Gate;
            if (FailuresLeft.TryGetValue(instanceId, out var left) && left > 0)
            {
                FailuresLeft[instanceId] = left - 1;
                return false;
            }

            return !Dead.Contains(instanceId);
        }
    }
}
