using System.Globalization;

namespace AvatarStream.RouterBench;

// Command line: --duration 10 --warmup 120 --clients 8,16,32 --streams 2 --rooms 1000 --scenarios bare,create,join [--alloc];
// each client count is one run of each scenario; --warmup is the longest warm-up (it ends once the JIT settles). join needs create (its rooms come from the create run).
internal sealed record BenchOptions(TimeSpan Duration, TimeSpan Warmup, IReadOnlyList<int> Clients, int Streams, int JoinRooms, IReadOnlySet<string> Scenarios, bool Allocations = false)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(120), [16], 2, 1000, new HashSet<string> { "bare", "create", "join" });
        if (args.Contains("--alloc"))
        {
            options = options with { Allocations = true };
            args = args.Where(a => a != "--alloc").ToArray();
        }

        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--scenarios")
            {
                options = options with { Scenarios = args[i + 1].Split(',').ToHashSet(StringComparer.Ordinal) };
                continue;
            }

            if (args[i] == "--clients")
            {
                options = options with { Clients = args[i + 1].Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray() };
                continue;
            }

            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--duration" => options with { Duration = TimeSpan.FromSeconds(value) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(value) },
                "--streams" => options with { Streams = value },
                "--rooms" => options with { JoinRooms = value },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }
}
