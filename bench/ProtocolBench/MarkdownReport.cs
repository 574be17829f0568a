using System.Globalization;
using System.Text;

namespace AvatarStream.ProtocolBench;

// Every run, then per case the medians of the repeats for each protocol and the v2/v1 ratios.
internal static class MarkdownReport
{
    public static string Runs(IReadOnlyList<RunResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| repeat | case | protocol | clients | sent f/s | delivered f/s | loss % | p50 us | p99 us | p99.9 us | max us | srv CPU % | srv CPU us/frame | driver CPU % | stalls | control (in window) | errors | load avg before |");
        text.AppendLine("| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var r in results)
        {
            text.AppendLine(Invariant(
                $"| {r.Repeat} | {r.Case} | {r.Protocol} | {r.Connected}/{r.Clients} | {r.SentPerSecond:0} | {r.DeliveredPerSecond:0} | {r.LossPercent:0.000} | {r.P50Us:0} | {r.P99Us:0} | {r.P999Us:0} | {r.MaxUs:0} | {r.ServerCpuPercent:0} | {r.ServerCpuUsPerFrame:0.00} | {r.DriverCpuPercent:0} | {r.Stalls} | {r.ControlFrames} ({r.ControlInWindow}) | {Errors(r)} | {r.LoadAverage} |"));
        }

        return text.ToString();
    }

    public static string Summary(IReadOnlyList<RunResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| case | v1 delivered f/s | v2 delivered f/s | v2/v1 f/s | paired v2/v1 f/s | v1 p99 us | v2 p99 us | v2/v1 p99 | v1 srv CPU us/frame | v2 srv CPU us/frame | v2/v1 CPU/frame | loss % v1 / v2 | errors v1 / v2 |");
        text.AppendLine("| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        foreach (var name in results.Select(r => r.Case).Distinct())
        {
            var v1 = results.Where(r => r.Case == name && r.Protocol == "v1").ToList();
            var v2 = results.Where(r => r.Case == name && r.Protocol == "v2").ToList();
            var (f1, f2) = (Median(v1, r => r.DeliveredPerSecond), Median(v2, r => r.DeliveredPerSecond));
            var (p1, p2) = (Median(v1, r => r.P99Us), Median(v2, r => r.P99Us));
            var (c1, c2) = (Median(v1, r => r.ServerCpuUsPerFrame), Median(v2, r => r.ServerCpuUsPerFrame));
            // Each repeat's v2 ran right after its v1, so these ratios see the least drift in the machine's load.
            var paired = v1.Join(v2, a => a.Repeat, b => b.Repeat, (a, b) => b.DeliveredPerSecond / a.DeliveredPerSecond)
                .Select(x => Invariant($"{x:0.00}"));
            text.AppendLine(Invariant(
                $"| {name} | {f1:0} | {f2:0} | {f2 / f1:0.00} | {string.Join(", ", paired)} | {p1:0} | {p2:0} | {p2 / p1:0.00} | {c1:0.00} | {c2:0.00} | {c2 / c1:0.00} | {v1.Max(r => r.LossPercent):0.000} / {v2.Max(r => r.LossPercent):0.000} | {v1.Sum(r => r.Errors)} / {v2.Sum(r => r.Errors)} |"));
        }

        return text.ToString();
    }

    private static string Errors(RunResult r) => r.Errors == 0
        ? "0"
        : Invariant($"{r.Errors} (stamp {r.StampErrors}, corrupt {r.Corrupt}, order {r.OutOfOrder}, foreign {r.Foreign}, malformed {r.Malformed}, socket {r.SocketErrors})");

    private static double Median(List<RunResult> runs, Func<RunResult, double> value)
    {
        if (runs.Count == 0)
        {
            return double.NaN;
        }

        var sorted = runs.Select(value).Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
