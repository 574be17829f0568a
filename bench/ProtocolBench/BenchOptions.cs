using System.Globalization;

namespace AvatarStream.ProtocolBench;

internal sealed record BenchOptions(
    string ServerDll, int Repeat, TimeSpan WarmUp, TimeSpan Duration, int PayloadBytes, IReadOnlyList<BenchCase> Cases, bool Mixed, string? JsonPath)
{
    public const string Usage = """
        ProtocolBench --server PATH/StreamRelayBench.dll [--repeat 3] [--duration 10] [--warmup 2] [--payload 1024]
                      [--cases saturate-10x5,fanout-1to49,latency-100x2] [--no-mixed] [--json FILE]
        ProtocolBench --table FILE.jsonl [FILE.jsonl ...]
        Runs every case on v1 and on v2, each on a fresh relay process, in the order v1, v2 per case and repeat;
        then (unless --no-mixed) once more with half the rooms on v1 and half on v2 on one relay at the same time.
        Prints markdown tables (medians of the repeats and the v2/v1 ratios).
        """;

    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        int Number(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

        var server = Value("--server") ?? throw new ArgumentException("--server is required");
        var cases = Value("--cases") is { } names
            ? names.Split(',').Select(n => BenchCase.All.FirstOrDefault(c => c.Name == n) ?? throw new ArgumentException($"unknown case {n}")).ToList()
            : BenchCase.All;
        var payload = Number("--payload", 1024);
        if (payload < FrameFormat.HeaderBytes)
        {
            throw new ArgumentException($"--payload must be at least {FrameFormat.HeaderBytes}");
        }

        return new BenchOptions(
            server,
            Math.Clamp(Number("--repeat", 3), 1, 20),
            TimeSpan.FromSeconds(Math.Clamp(Number("--warmup", 2), 0, 60)),
            TimeSpan.FromSeconds(Math.Clamp(Number("--duration", 10), 1, 120)),
            payload,
            cases,
            !args.Contains("--no-mixed"),
            Value("--json"));
    }
}
