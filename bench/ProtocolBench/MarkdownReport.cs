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
        text.AppendLine("| case | v1 delivered f/s | v2 delivered f/s | v2/v1 f/s | paired v2/v1 f/s | v1 p99 us | v2 p99 us | v2/v1 p99 | v1 srv CPU us/frame | v2 srv CPU us/frame | v2/v1 CPU/frame | mixed v2/v1 f/s | mixed v2/v1 p99 | loss % v1 / v2 | errors v1 / v2 |");
        text.AppendLine("| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | --- |");
        foreach (var name in results.Select(r => r.Case).Distinct())
        {
            var v1 = results.Where(r => r.Case == name && r.Protocol == "v1").ToList();
            var v2 = results.Where(r => r.Case == name && r.Protocol == "v2").ToList();
            var (f1, f2) = (Median(v1, r => r.DeliveredPerSecond), Median(v2, r => r.DeliveredPerSecond));
            var (p1, p2) = (Median(v1, r => r.P99Us), Median(v2, r => r.P99Us));
            var (c1, c2) = (Median(v1, r => r.ServerCpuUsPerFrame), Median(v2, r => r.ServerCpuUsPerFrame));
            var paired = Ratios(v1, v2, r => r.DeliveredPerSecond);
            var mixed1 = results.Where(r => r.Case == name && r.Protocol == "v1 mixed").ToList();
            var mixed2 = results.Where(r => r.Case == name && r.Protocol == "v2 mixed").ToList();
            var mixedRate = Ratios(mixed1, mixed2, r => r.DeliveredPerSecond);
            var mixedP99 = Ratios(mixed1, mixed2, r => r.P99Us);
            var all = results.Where(r => r.Case == name).ToList();
            text.AppendLine(Invariant(
                $"| {name} | {f1:0} | {f2:0} | {f2 / f1:0.00} | {Listed(paired)} | {p1:0} | {p2:0} | {p2 / p1:0.00} | {c1:0.00} | {c2:0.00} | {c2 / c1:0.00} | {Listed(mixedRate)} | {Listed(mixedP99)} | {Worst(all, "v1", r => r.LossPercent):0.000} / {Worst(all, "v2", r => r.LossPercent):0.000} | {Of(all, "v1").Sum(r => r.Errors)} / {Of(all, "v2").Sum(r => r.Errors)} |"));
        }

        return text.ToString();
    }

    private static string Errors(RunResult r) => r.Errors == 0
        ? "0"
        : Invariant($"{r.Errors} (stamp {r.StampErrors}, corrupt {r.Corrupt}, order {r.OutOfOrder}, foreign {r.Foreign}, malformed {r.Malformed}, socket {r.SocketErrors})");

    private static double Median(List<RunResult> runs, Func<RunResult, double> value) => Median(runs.Select(value).ToList());

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    // v2 over v1 per repeat: each repeat's v2 ran right after its v1 (or at the same time, mixed).
    private static List<double> Ratios(List<RunResult> v1, List<RunResult> v2, Func<RunResult, double> value) =>
        v1.Join(v2, a => a.Repeat, b => b.Repeat, (a, b) => value(b) / value(a)).ToList();

    // "median (each repeat)"; empty when there is nothing to compare.
    private static string Listed(List<double> ratios) => ratios.Count == 0
        ? "-"
        : Invariant($"{Median(ratios):0.00} ({string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))})");

    // The separate and the mixed runs of one protocol.
    private static IEnumerable<RunResult> Of(List<RunResult> runs, string protocol) =>
        runs.Where(r => r.Protocol.StartsWith(protocol, StringComparison.Ordinal));

    private static double Worst(List<RunResult> runs, string protocol, Func<RunResult, double> value) =>
        Of(runs, protocol).Select(value).DefaultIfEmpty(0).Max();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
