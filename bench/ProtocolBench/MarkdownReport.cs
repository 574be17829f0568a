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
        text.AppendLine("| case | v1 delivered f/s | v2 delivered f/s | v2/v1 f/s | v1 p99 us | v2 p99 us | v2/v1 p99 | v1 srv CPU us/frame | v2 srv CPU us/frame | v2/v1 CPU/frame | max loss % v1 / v2 | errors v1 / v2 |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        foreach (var name in results.Select(r => r.Case).Distinct())
        {
            var (v1, v2) = (Runs(results, name, "v1"), Runs(results, name, "v2"));
            var (f1, f2) = (Median(v1, r => r.DeliveredPerSecond), Median(v2, r => r.DeliveredPerSecond));
            var (p1, p2) = (Median(v1, r => r.P99Us), Median(v2, r => r.P99Us));
            var (c1, c2) = (Median(v1, r => r.ServerCpuUsPerFrame), Median(v2, r => r.ServerCpuUsPerFrame));
            var all = results.Where(r => r.Case == name).ToList();
            text.AppendLine(Invariant(
                $"| {name} | {f1:0} | {f2:0} | {f2 / f1:0.00} | {p1:0} | {p2:0} | {p2 / p1:0.00} | {c1:0.00} | {c2:0.00} | {c2 / c1:0.00} | {Worst(all, "v1", r => r.LossPercent):0.000} / {Worst(all, "v2", r => r.LossPercent):0.000} | {Of(all, "v1").Sum(r => r.Errors)} / {Of(all, "v2").Sum(r => r.Errors)} |"));
        }

        return text.ToString();
    }

    // v2 over v1 per repeat: each repeat's v2 ran right after its v1 on the same machine load, or at the same
    // time on the same relay (mixed). The geometric mean's interval is mean +- t * standard error of the log ratios.
    public static string Paired(IReadOnlyList<RunResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| case | v2/v1 of | pairs | median | geo-mean [95% CI] | each repeat |");
        text.AppendLine("| --- | --- | ---: | ---: | --- | --- |");
        foreach (var name in results.Select(r => r.Case).Distinct())
        {
            var (v1, v2) = (Runs(results, name, "v1"), Runs(results, name, "v2"));
            var (m1, m2) = (Runs(results, name, "v1 mixed"), Runs(results, name, "v2 mixed"));
            (string What, List<double> Ratios)[] rows =
            [
                ("delivered f/s", Ratios(v1, v2, r => r.DeliveredPerSecond)),
                ("p99", Ratios(v1, v2, r => r.P99Us)),
                ("server CPU per frame", Ratios(v1, v2, r => r.ServerCpuUsPerFrame)),
                ("delivered f/s, mixed", Ratios(m1, m2, r => r.DeliveredPerSecond)),
                ("p99, mixed", Ratios(m1, m2, r => r.P99Us)),
            ];
            foreach (var (what, ratios) in rows.Where(r => r.Ratios.Count > 0))
            {
                var (mean, low, high) = GeometricMean(ratios);
                text.AppendLine(Invariant(
                    $"| {name} | {what} | {ratios.Count} | {Median(ratios):0.00} | {mean:0.00} [{low:0.00}, {high:0.00}] | {string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))} |"));
            }
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

    private static List<RunResult> Runs(IReadOnlyList<RunResult> results, string name, string protocol) =>
        results.Where(r => r.Case == name && r.Protocol == protocol).ToList();

    private static List<double> Ratios(List<RunResult> v1, List<RunResult> v2, Func<RunResult, double> value) =>
        v1.Join(v2, a => a.Repeat, b => b.Repeat, (a, b) => value(b) / value(a)).ToList();

    private static (double Mean, double Low, double High) GeometricMean(List<double> ratios)
    {
        var logs = ratios.Select(r => Math.Log(r)).ToList();
        var mean = logs.Average();
        if (logs.Count < 2)
        {
            return (Math.Exp(mean), double.NaN, double.NaN);
        }

        var deviation = Math.Sqrt(logs.Sum(l => (l - mean) * (l - mean)) / (logs.Count - 1));
        var half = StudentT975(logs.Count - 1) * deviation / Math.Sqrt(logs.Count);
        return (Math.Exp(mean), Math.Exp(mean - half), Math.Exp(mean + half));
    }

    // Two-sided 95% quantiles of Student's t for small samples.
    private static double StudentT975(int degrees) => degrees switch
    {
        1 => 12.71,
        2 => 4.30,
        3 => 3.18,
        4 => 2.78,
        5 => 2.57,
        6 => 2.45,
        7 => 2.36,
        8 => 2.31,
        9 => 2.26,
        <= 14 => 2.16,
        <= 19 => 2.09,
        <= 29 => 2.05,
        _ => 1.96,
    };

    // The separate and the mixed runs of one protocol.
    private static IEnumerable<RunResult> Of(List<RunResult> runs, string protocol) =>
        runs.Where(r => r.Protocol.StartsWith(protocol, StringComparison.Ordinal));

    private static double Worst(List<RunResult> runs, string protocol, Func<RunResult, double> value) =>
        Of(runs, protocol).Select(value).DefaultIfEmpty(0).Max();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
