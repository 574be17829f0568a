namespace AvatarStream.RouterBench;

// One closed-loop run: answers completed in the measured window, their latencies, and the process's CPU use.
internal sealed record LoadResult(string Name, int Clients, TimeSpan Window, int Succeeded, int Failed, double[] LatenciesMs, TimeSpan Cpu, long Allocated, TimeSpan GcPause, long JittedMethods, TimeSpan JitTime, TimeSpan Warmup)
{
    public double Throughput => Succeeded / Window.TotalSeconds;

    // Share of all cores this process used during the window.
    public double CpuPercent => 100 * Cpu / (Window * Environment.ProcessorCount);

    // CPU spent per successful request, in milliseconds, all components of this process together.
    public double CpuPerRequestMs => Succeeded == 0 ? 0 : Cpu.TotalMilliseconds / Succeeded;

    // Bytes allocated per successful request, all components of this process together.
    public double AllocatedPerRequest => Succeeded == 0 ? 0 : (double)Allocated / Succeeded;

    // Share of the window the GC held threads paused.
    public double GcPausePercent => 100 * GcPause / Window;

    public double Percentile(double p) =>
        LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[Math.Min(LatenciesMs.Length - 1, (int)Math.Ceiling(p * LatenciesMs.Length) - 1)];
}
