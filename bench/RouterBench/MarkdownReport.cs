using System.Globalization;
using System.Text;

namespace AvatarStream.RouterBench;

// The results as markdown tables, ready for docs/benchmarks.md.
internal static class MarkdownReport
{
    public static string Results(IReadOnlyList<LoadResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | clients | req/s | p50 ms | p99 ms | max ms | failed | CPU % (all cores) | CPU ms/req | KB alloc/req | GC pause % | warm-up s | JIT in window ms (methods) | req/s vs bare | p99 vs bare |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var result in results)
        {
            var bare = results.FirstOrDefault(r => r.Name.StartsWith("bare", StringComparison.Ordinal) && r.Clients == result.Clients) ?? result;
            text.Append(Invariant($"| {result.Name} | {result.Clients} | {result.Throughput:0} | {result.Percentile(0.50):0.00} | {result.Percentile(0.99):0.00} | "));
            text.Append(Invariant($"{result.Percentile(1):0.0} | {result.Failed} | {result.CpuPercent:0} | {result.CpuPerRequestMs:0.00} | {result.AllocatedPerRequest / 1024:0.0} | {result.GcPausePercent:0.0} | {result.Warmup.TotalSeconds:0} | {result.JitTime.TotalMilliseconds:0} ({result.JittedMethods}) | "));
            text.AppendLine(Invariant($"{result.Throughput / bare.Throughput:0.00}x | {result.Percentile(0.99) / bare.Percentile(0.99):0.0}x |"));
        }

        return text.ToString();
    }

    // Per hop: how often each host's route ran per top-level request, and its mean server-side time.
    public static string Hops(string scenario, string topLevelRoute, IReadOnlyList<(string Host, string Route, long Calls, double TotalMs)> hops)
    {
        var requests = hops.Where(h => h.Host == "router" && h.Route == topLevelRoute).Sum(h => h.Calls);
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Per {scenario} ({requests} requests):"));
        text.AppendLine();
        text.AppendLine("| host | route | calls per request | mean ms | ms per request |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: |");
        foreach (var (host, route, calls, totalMs) in hops.Where(h => h.Calls > 0))
        {
            text.AppendLine(Invariant(
                $"| {host} | `{route}` | {(double)calls / Math.Max(1, requests):0.00} | {totalMs / calls:0.00} | {totalMs / Math.Max(1, requests):0.00} |"));
        }

        return text.ToString();
    }

    // Sampled allocations by type, as shares of all bytes allocated in the window.
    public static string Allocations(IReadOnlyList<(string Type, double Share)> top)
    {
        var text = new StringBuilder();
        text.AppendLine("| allocated type | share of bytes |");
        text.AppendLine("| --- | ---: |");
        foreach (var (type, share) in top)
        {
            text.AppendLine(Invariant($"| `{type}` | {share:P1} |"));
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
