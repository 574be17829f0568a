namespace AvatarStream.DevHost;

// The command line of the local run.
public sealed record DevHostOptions(bool Processes, string DataDir, int Streams, string SweepSchedule, int? BasePort = null, LogLevel LogLevel = LogLevel.Warning)
{
    public const string Usage = """
        usage: dotnet run --project devhost [-- options]
          --processes          run every service and sidecar as its own OS process (like `dapr run -f .`)
          --data-dir PATH      where the SQLite state lives (default .data at the checkout root)
          --streams N          how many stream instances (default 2, at most 9)
          --sweep SCHEDULE     the instance-sweep cron schedule (default "@every 10s")
          --base-port P        apps from port P, sidecar HTTP from P+100, gRPC from P+200
                               (default: apps 5000.., sidecar HTTP 3500.., gRPC 50001..)
          --log-level LEVEL    what the services and sidecars log: trace | debug | info | warn | error (default warn);
                               the framework's own lines stay at warn and above, but at trace
          --verbose            the same as --log-level info
        """;

    public static DevHostOptions Defaults { get; } = new(false, ".data", 2, "@every 10s");

    // Parses the arguments; returns null and an error for anything it does not understand.
    public static DevHostOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = Defaults;
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            try
            {
                options = args[i] switch
                {
                    "--processes" => options with { Processes = true },
                    "--data-dir" => options with { DataDir = Next() },
                    "--streams" => options with { Streams = int.TryParse(Next(), out var n) && n is >= 1 and <= 9 ? n : throw new FormatException("--streams takes 1 to 9") },
                    "--sweep" => options with { SweepSchedule = Next() },
                    "--base-port" => options with { BasePort = int.TryParse(Next(), out var p) && p is >= 1024 and <= 65000 ? p : throw new FormatException("--base-port takes 1024 to 65000") },
                    "--log-level" => options with { LogLevel = ServiceLogging.Parse(Next()) ?? throw new FormatException("--log-level takes trace, debug, info, warn or error") },
                    "--verbose" => options with { LogLevel = LogLevel.Information },
                    _ => throw new FormatException($"unknown option '{args[i]}'"),
                };
            }
            catch (FormatException e)
            {
                error = e.Message;
                return null;
            }
        }

        return options;
    }
}
