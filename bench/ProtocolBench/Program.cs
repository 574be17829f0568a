using System.Runtime.InteropServices;
using System.Text.Json;
using AvatarStream.ProtocolBench;

// v1 against v2 on the same relay build, same cases, one run: each case on each protocol on a fresh relay
// process, interleaved (v1, v2, v1, v2 ...) so that drift in a shared machine's load hits both alike; and mixed,
// both protocols on one relay at the same time. --table FILE... prints the tables again from recorded JSON lines.
if (args.Length > 0 && args[0] == "--table")
{
    // Repeats pair only within their own file.
    var recorded = args.Skip(1).SelectMany((file, index) => File.ReadLines(file)
        .Select(line => JsonSerializer.Deserialize<RunResult>(line)!)
        .Select(r => r with { Repeat = (index * 1000) + r.Repeat })).ToList();
    PrintTables(recorded);
    return 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception exception) when (exception is ArgumentException or FormatException)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var loadBefore = CaseRunner.LoadAverage();
Console.Error.WriteLine($"nproc {Environment.ProcessorCount}, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, load average before {loadBefore}");
var results = new List<RunResult>();
await using var jsonLines = options.JsonPath is null ? null : new StreamWriter(options.JsonPath, append: true);
for (var repeat = 1; repeat <= options.Repeat; repeat++)
{
    foreach (var benchCase in options.Cases)
    {
        // null: the mixed run, v1 and v2 rooms on one relay at once.
        WireProtocol?[] kinds = options.Mixed ? [WireProtocol.V1, WireProtocol.V2, null] : [WireProtocol.V1, WireProtocol.V2];
        foreach (var protocol in kinds)
        {
            await using var server = await RelayServer.StartAsync(options.ServerDll);
            var run = protocol is { } single
                ? [await CaseRunner.RunAsync(benchCase, single, server, options, repeat)]
                : await CaseRunner.RunMixedAsync(benchCase, server, options, repeat);
            foreach (var result in run)
            {
                results.Add(result);
                Console.Error.WriteLine(
                    $"repeat {repeat} {benchCase.Name} {result.Protocol}: {result.DeliveredPerSecond:0} delivered f/s, p99 {result.P99Us:0} us, loss {result.LossPercent:0.000}%, errors {result.Errors}, server CPU {result.ServerCpuPercent:0}%");
                if (jsonLines is not null)
                {
                    await jsonLines.WriteLineAsync(JsonSerializer.Serialize(result));
                    await jsonLines.FlushAsync();
                }
            }
        }
    }
}

Console.WriteLine($"Load average before {loadBefore}, after {CaseRunner.LoadAverage()}. {options.PayloadBytes}-byte payloads, {options.WarmUp.TotalSeconds:0} s warm-up, {options.Duration.TotalSeconds:0} s measured, {options.Repeat} repeats.");
Console.WriteLine();
PrintTables(results);
Console.WriteLine("Every run:");
Console.WriteLine();
Console.WriteLine(MarkdownReport.Runs(results));
return results.Any(r => r.Errors > 0) ? 1 : 0;

static void PrintTables(List<RunResult> results)
{
    Console.WriteLine("Medians of the repeats:");
    Console.WriteLine();
    Console.WriteLine(MarkdownReport.Summary(results));
    Console.WriteLine("v2/v1 per repeat:");
    Console.WriteLine();
    Console.WriteLine(MarkdownReport.Paired(results));
}
