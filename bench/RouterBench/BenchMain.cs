using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace AvatarStream.RouterBench;

// create-room and join-room through the development sidecar on SQLite, closed-loop, next to a bare minimal-API POST
// measured the same way in the same run. Prints markdown. Run it in Release.
internal static class BenchMain
{
    private static async Task<int> Main(string[] args)
    {
        var options = BenchOptions.Parse(args);

        Console.WriteLine($"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; {Machine.Describe()}");
        Console.WriteLine($"warm-up until the JIT settles (at most {options.Warmup.TotalSeconds} s), window {options.Duration.TotalSeconds} s, {options.Streams} stream stand-ins");

        using var timings = new HopTimings();
        using var allocations = options.Allocations ? new AllocationSampler() : null;
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, UseCookies = false });
        var results = new List<LoadResult>();
        var hops = new StringBuilder();

        await using (var bare = await BareEndpoint.StartAsync())
        {
            var address = new Uri(new Uri(bare.Urls.Single()), "/bare");
            foreach (var clients in options.Scenarios.Contains("bare") ? options.Clients : [])
            {
                results.Add(await ClosedLoop.RunAsync("bare POST (reference)", clients, options.Warmup, options.Duration, _ => PostAsync(http, address, null)));
            }
        }

        await using (var topology = await RouterTopology.StartAsync(options.Streams, [
            ("Rooms:MaxRooms", "50000"),
            ("Rooms:MaxClientsPerRoom", "10000"),
            // Every client of the load is 127.0.0.1: one address.
            ("RateLimits:CreateRoomPerMinute", "600000"),
            ("RateLimits:CreateRoomBurst", "100000"),
            ("RateLimits:JoinRoomPerMinute", "600000"),
            ("RateLimits:JoinRoomBurst", "100000"),
        ]))
        {
            timings.Name(topology.Router.Services, "router");
            timings.Name(topology.RouterSidecar.Services, "router sidecar");
            foreach (var stream in topology.Streams)
            {
                timings.Name(stream.AppServices, "stream app");
                timings.Name(stream.Sidecar.Services, "stream sidecar");
            }

            var create = new Uri(topology.RouterAddress, "/create-room");
            var join = new Uri(topology.RouterAddress, "/join-room");
            var rooms = new ConcurrentQueue<string>();
            foreach (var clients in options.Clients)
            {
                results.Add(await ClosedLoop.RunAsync("create-room", clients, options.Warmup, options.Duration, _ => CreateAsync(http, create, rooms, options.JoinRooms), () => { timings.Reset(); allocations?.Reset(); }));
                hops.AppendLine(MarkdownReport.Hops($"create-room, {clients} clients", "POST /create-room", timings.Snapshot()));
                hops.AppendLine(allocations is null ? "" : MarkdownReport.Allocations(allocations.Top(25)));
            }

            var joinable = rooms.ToArray();
            foreach (var clients in options.Scenarios.Contains("join") ? options.Clients : [])
            {
                results.Add(await ClosedLoop.RunAsync("join-room", clients, options.Warmup, options.Duration, _ => PostAsync(http, join, JoinBody(joinable)), () => { timings.Reset(); allocations?.Reset(); }));
                hops.AppendLine(MarkdownReport.Hops($"join-room, {clients} clients", "POST /join-room", timings.Snapshot()));
                hops.AppendLine(allocations is null ? "" : MarkdownReport.Allocations(allocations.Top(25)));
            }
        }

        Console.WriteLine();
        Console.WriteLine(MarkdownReport.Results(results.OrderBy(r => r.Clients).ThenBy(r => r.Name, StringComparer.Ordinal).ToList()));
        Console.WriteLine(hops);
        Console.WriteLine($"load average at end {File.ReadAllText("/proc/loadavg").Trim()}");
        return results.Any(r => r.Succeeded == 0) ? 1 : 0;
    }

    private static async Task<bool> PostAsync(HttpClient http, Uri address, HttpContent? body)
    {
        using var response = await http.PostAsync(address, body);
        await response.Content.LoadIntoBufferAsync();
        return response.IsSuccessStatusCode;
    }

    // Creates a room and keeps its id while fewer than keep are kept, for the join run.
    private static async Task<bool> CreateAsync(HttpClient http, Uri address, ConcurrentQueue<string> rooms, int keep)
    {
        using var response = await http.PostAsync(address, null);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }

        if (rooms.Count < keep)
        {
            using var ticket = JsonDocument.Parse(body);
            rooms.Enqueue(ticket.RootElement.GetProperty("room_id").GetString()!);
        }

        return true;
    }

    private static StringContent JoinBody(string[] rooms) =>
        new($$"""{"room_id":"{{rooms[Random.Shared.Next(rooms.Length)]}}"}""", Encoding.UTF8, "application/json");
}
