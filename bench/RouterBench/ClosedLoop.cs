using System.Diagnostics;

namespace AvatarStream.RouterBench;

// clients loops, each sending its next request as soon as the previous one is answered: first a warm-up that
// lasts until the JIT has settled (tiered compilation keeps recompiling hot code for a long while on a busy 2-core
// machine, and that CPU would be charged to the requests), bounded by maxWarmup; then the measured window.
// Only answers completed inside the window count; no loop starts a request after it.
internal static class ClosedLoop
{
    // A second in which fewer methods than this are compiled counts as settled.
    private const int SettledJitMethodsPerSecond = 20;

    // send makes one request and says whether it succeeded.
    // windowStarted is called when the measured window opens, to reset counters.
    public static async Task<LoadResult> RunAsync(
        string name, int clients, TimeSpan maxWarmup, TimeSpan window, Func<int, Task<bool>> send, Action? windowStarted = null)
    {
        var windowStart = long.MaxValue;
        var windowEnd = long.MaxValue;
        var samples = new List<double>[clients];
        var failures = new int[clients];

        var loops = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var mine = samples[client] = new List<double>(4096);
            while (Stopwatch.GetTimestamp() < Volatile.Read(ref windowEnd))
            {
                var sent = Stopwatch.GetTimestamp();
                var ok = await send(client);
                var answered = Stopwatch.GetTimestamp();
                if (answered < Volatile.Read(ref windowStart) || answered > Volatile.Read(ref windowEnd))
                {
                    continue;
                }

                if (ok)
                {
                    mine.Add(Stopwatch.GetElapsedTime(sent, answered).TotalMilliseconds);
                }
                else
                {
                    failures[client]++;
                }
            }
        })).ToArray();

        var warmup = await WarmUpAsync(maxWarmup);
        Console.Error.WriteLine($"{name}, {clients} clients: warmed up in {warmup.TotalSeconds:0} s, measuring {window.TotalSeconds:0} s");
        windowStarted?.Invoke();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var pausedBefore = GC.GetTotalPauseDuration();
        var jittedBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitTimeBefore = System.Runtime.JitInfo.GetCompilationTime();
        var start = Stopwatch.GetTimestamp();
        Volatile.Write(ref windowEnd, start + (long)(window.TotalSeconds * Stopwatch.Frequency));
        Volatile.Write(ref windowStart, start);
        await Task.Delay(window);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        var paused = GC.GetTotalPauseDuration() - pausedBefore;
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount() - jittedBefore;
        var jitTime = System.Runtime.JitInfo.GetCompilationTime() - jitTimeBefore;
        await Task.WhenAll(loops);

        var latencies = samples.SelectMany(s => s).Order().ToArray();
        return new LoadResult(name, clients, window, latencies.Length, failures.Sum(), latencies, cpu, allocated, paused, jitted, jitTime, warmup);
    }

    private static async Task<TimeSpan> WarmUpAsync(TimeSpan maxWarmup)
    {
        var started = Stopwatch.GetTimestamp();
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (Stopwatch.GetElapsedTime(started) < maxWarmup)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now - jitted < SettledJitMethodsPerSecond && Stopwatch.GetElapsedTime(started) >= TimeSpan.FromSeconds(3))
            {
                break;
            }

            jitted = now;
        }

        return Stopwatch.GetElapsedTime(started);
    }
}
