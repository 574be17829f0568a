using Microsoft.Extensions.Options;

namespace AvatarStream.IpUpdater.Sweep;

/// <summary>
/// One sweep: list the registered instances, probe them all at once, probe the failed ones again (after
/// <see cref="SweepOptions.ConfirmDelay"/>) until they answer or have failed often enough in a row, and evict those.
/// A sweep that starts while the previous one still runs is skipped, so a slow probe never doubles a count.
/// </summary>
public sealed partial class InstanceSweeper(
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
            Log.SweepSkipped(logger);
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

    /// <summary>Probes at once, records each answer, evicts where due; returns the failed instances still registered.</summary>
    private async Task<IReadOnlyList<string>> ProbeAsync(IReadOnlyList<string> instances, List<string> evicted, CancellationToken cancellationToken)
    {
        var health = await Task.WhenAll(instances.Select(id => prober.IsHealthyAsync(id, cancellationToken)));
        var failed = new List<string>();
        for (var i = 0; i < instances.Count; i++)
        {
            if (!health[i])
            {
                Log.ProbeFailed(logger, instances[i], _tracker.FailuresOf(instances[i]) + 1);
            }

            if (_tracker.Record(instances[i], health[i]))
            {
                await router.EvictAsync(instances[i], cancellationToken);
                Log.Evicted(logger, instances[i]);
                evicted.Add(instances[i]);
            }
            else if (!health[i])
            {
                failed.Add(instances[i]);
            }
        }

        return failed;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Sweep skipped: the previous one is still running")]
        public static partial void SweepSkipped(ILogger logger);

        [LoggerMessage(2, LogLevel.Warning, "Instance {InstanceId} failed its health probe ({Failures} in a row)")]
        public static partial void ProbeFailed(ILogger logger, string instanceId, int failures);

        [LoggerMessage(3, LogLevel.Warning, "Instance {InstanceId} evicted with its rooms and clients")]
        public static partial void Evicted(ILogger logger, string instanceId);
    }
}
