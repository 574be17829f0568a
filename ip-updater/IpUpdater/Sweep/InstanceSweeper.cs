using Microsoft.Extensions.Options;

namespace AvatarStream.IpUpdater.Sweep;

// One sweep: list the registered instances, probe them all at once, probe the failed ones again (after
// ConfirmDelay) until they answer or have failed often enough in a row, and evict those.
// A sweep that starts while the previous one still runs is skipped, so a slow probe never doubles a count.
public sealed class InstanceSweeper(
    IRoomRouterAdmin router,
    IInstanceProber prober,
    IOptions<SweepOptions> options,
    TimeProvider time,
    ILogger<InstanceSweeper> logger)
{
    private readonly FailureTracker _tracker = new(options.Value.FailuresBeforeEvict);
    private readonly SemaphoreSlim _running = new(1, 1);

    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        if (!await _running.WaitAsync(0, cancellationToken))
        {
            SweepLog.SweepSkipped(logger);
            return SweepResult.SkippedRun;
        }

        try
        {
            var settings = options.Value;
            var instances = await router.ListInstancesAsync(cancellationToken);
            _tracker.Retain(instances);
            var evicted = new List<string>();
            var unhealthy = 0;
            IReadOnlyList<string> suspects = instances;
            for (var round = 0; suspects.Count > 0; round++)
            {
                if (round > 0)
                {
                    await Task.Delay(settings.ConfirmDelay, time, cancellationToken);
                }

                var failed = await ProbeAsync(suspects, evicted, cancellationToken);
                unhealthy = round == 0 ? failed.Count : unhealthy;
                suspects = settings.ConfirmDelay > TimeSpan.Zero ? failed : [];
            }

            _tracker.Retain(instances.Except(evicted).ToArray());
            return new SweepResult(instances.Count, unhealthy, evicted);
        }
        finally
        {
            _running.Release();
        }
    }

    // Probes at once, records each answer, evicts where due; returns the failed instances still registered.
    private async Task<IReadOnlyList<string>> ProbeAsync(IReadOnlyList<string> instances, List<string> evicted, CancellationToken cancellationToken)
    {
        var health = await Task.WhenAll(instances.Select(id => prober.IsHealthyAsync(id, cancellationToken)));
        var failed = new List<string>();
        for (var i = 0; i < instances.Count; i++)
        {
            if (!health[i])
            {
                SweepLog.ProbeFailed(logger, instances[i], _tracker.FailuresOf(instances[i]) + 1);
            }

            if (_tracker.Record(instances[i], health[i]))
            {
                await router.EvictAsync(instances[i], cancellationToken);
                SweepLog.Evicted(logger, instances[i]);
                evicted.Add(instances[i]);
            }
            else if (!health[i])
            {
                failed.Add(instances[i]);
            }
        }

        return failed;
    }
}
