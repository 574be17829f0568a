using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AvatarStream.DevHost;
using AvatarStream.Tests.Shared;

namespace AvatarStream.EndToEnd.Tests;

// The one-command local run (devhost --processes) started from the build output next to the tests, on free ports
// and a temporary data dir. Children are found by the "name pid N" lines of its status board; every stop is by PID,
// never by name.
internal sealed partial class LocalRun : IAsyncDisposable
{
    public const int Streams = 2;

    private readonly ConcurrentQueue<string> _log = new();
    private readonly ConcurrentDictionary<string, int> _pids = new(StringComparer.Ordinal);
    private readonly List<Process> _extra = [];
    private readonly RouterInstances _instances;
    private Process? _devhost;
    private volatile bool _boardPrinted;

    private LocalRun(int basePort, string dataDir)
    {
        BasePort = basePort;
        DataDir = dataDir;
        Topology = LocalTopology.Create(Streams, basePort);
        Http = new HttpClient { BaseAddress = new Uri(Topology["room-router"].AppUrl), Timeout = TimeSpan.FromSeconds(15) };
        Internal = new HttpClient { BaseAddress = new Uri(Topology["room-router"].AppUrl), Timeout = TimeSpan.FromSeconds(15) };
        Internal.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RouterInstances.DevelopmentToken(Root));
        _instances = new RouterInstances(Topology["room-router"], Root);
    }

    public int BasePort { get; }

    public string DataDir { get; }

    public LocalTopology Topology { get; }

    public HttpClient Http { get; }

    public HttpClient Internal { get; }

    // The start and the end of what the processes printed: the start names ports and failures, the end the last state.
    public string Log
    {
        get
        {
            var lines = _log.ToArray();
            return lines.Length <= 300
                ? string.Join('\n', lines)
                : string.Join('\n', [.. lines.Take(100), $"... {lines.Length - 300} lines ...", .. lines.TakeLast(200)]);
        }
    }

    public static string Root => RepositoryRoot.Find();

    public static async Task<LocalRun> StartAsync(TimeSpan ready)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "avatarstream-e2e-" + Guid.NewGuid().ToString("N"));
        var run = new LocalRun(LocalTopology.FreeBasePort(Streams, 20000, 29000), dataDir);
        await run.StartDevHostAsync(ready);
        return run;
    }

    // Starts a local run, plays scenario on it, and when that fails prints the run's last lines before the failure.
    public static async Task PlayAsync(TimeSpan ready, Xunit.Abstractions.ITestOutputHelper output, Func<LocalRun, Task> scenario)
    {
        await using var run = await StartAsync(ready);
        try
        {
            await scenario(run);
        }
        catch
        {
            output.WriteLine("---- last lines of the local run ----");
            output.WriteLine(run.Log);
            throw;
        }
    }

    // What the devhost printed after the status board's last line, which should be nothing in a quiet start.
    public IReadOnlyList<string> PrintedAfterStatusBoard()
    {
        var printed = _log.Where(line => line.StartsWith("[devhost", StringComparison.Ordinal)).ToList();
        return [.. printed.Skip(printed.LastIndexOf("[devhost] " + StatusBoard.PageLine(Topology)) + 1)];
    }

    public int PidOf(string name) => _pids.TryGetValue(name, out var pid) ? pid : throw new InvalidOperationException($"devhost printed no pid for {name}; log:\n{Log}");

    // Starts the devhost and waits until it has printed its status board and the router lists every stream instance.
    public async Task StartDevHostAsync(TimeSpan ready)
    {
        _pids.Clear();
        _boardPrinted = false;
        var info = DotnetExec.Info("DevHost",
            ["--processes", "--data-dir", DataDir, "--sweep", "@every 2s", "--base-port", BasePort.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            Root);

        // The suite shares two cores with other test assemblies; a just-restarted instance's first /register can
        // take longer than the production 2 s, and a register that times out evicts the instance.
        info.Environment["Rooms__RegisterTimeout"] = "00:00:05";
        info.Environment["Recording__RecorderTimeout"] = "00:00:20";
        foreach (var (key, value) in DevHostProcess.GenerousRateLimits)
        {
            info.Environment[key] = value;
        }

        _devhost = DotnetExec.Start(info, line => Record("devhost", line), line => Record("devhost!", line));

        var expected = Topology.Apps.Where(a => a.Kind == AppKind.Stream).Select(a => a.AppId).ToHashSet();
        var deadline = Stopwatch.StartNew();
        IReadOnlySet<string> seen = new HashSet<string>();
        while (deadline.Elapsed < ready)
        {
            if (_devhost.HasExited)
            {
                throw new InvalidOperationException($"devhost exited with {_devhost.ExitCode} before it was ready; log:\n{Log}");
            }

            seen = await TryInstancesAsync() ?? seen;
            if (expected.IsSubsetOf(seen) && _boardPrinted)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"after {ready.TotalSeconds:0} s GET /instances lists [{string.Join(", ", seen)}], expected [{string.Join(", ", expected)}]; log:\n{Log}");
    }

    // SIGTERM to the devhost (it stops its children), bounded; SIGKILL if it does not stop.
    public async Task StopDevHostAsync(TimeSpan grace)
    {
        if (_devhost is null)
        {
            return;
        }

        var process = _devhost;
        _devhost = null;
        if (!await ChildProcess.StopAsync(process, grace))
        {
            throw new TimeoutException($"devhost did not stop within {grace.TotalSeconds:0} s of SIGTERM; log:\n{Log}");
        }

        process.Dispose();
    }

    // kill -9 of one process by its PID (Process.Kill is SIGKILL on Unix); nothing if it is already gone.
    public static void KillNine(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
        catch (ArgumentException)
        {
        }
    }

    // Starts one app again, by hand, with exactly the arguments the devhost gives it.
    public Process StartApp(string appId, string assembly)
    {
        var process = DotnetExec.Start(
            DotnetExec.Info(assembly, Topology[appId].AppArguments(DevHostOptions.Defaults.LogLevel), Root),
            line => Record(appId + "*", line),
            line => Record(appId + "*!", line));
        _extra.Add(process);
        return process;
    }

    public async Task StopAppAsync(Process process, TimeSpan grace)
    {
        _ = await ChildProcess.StopAsync(process, grace);
        _extra.Remove(process);
        process.Dispose();
    }

    // The instance ids GET /instances lists; null when the router does not answer.
    public Task<IReadOnlySet<string>?> TryInstancesAsync() => _instances.TryListAsync();

    public async Task<RoomAnswer> CreateRoomAsync() => await AnswerAsync(() => Http.PostAsync("/create-room", null));

    // A join with the room's key (from its create answer), or a rejoin with a client id held.
    public async Task<RoomAnswer> JoinRoomAsync(string roomId, string? key = null, string? clientId = null) =>
        await AnswerAsync(() => Http.PostAsJsonAsync("/join-room", new Dictionary<string, string?> { ["room_id"] = roomId, ["key"] = key, ["client_id"] = clientId }));

    // A fresh ticket for the seat an answer holds: a ticket opens one socket.
    public Task<RoomAnswer> RejoinAsync(RoomAnswer held) => JoinRoomAsync(held.RoomId!, clientId: held.ClientId);

    // Which stream app a ticket's URL points at.
    public string? InstanceOfUrl(string? streamUrl) =>
        Topology.Apps.FirstOrDefault(a => a.StreamUrl == streamUrl)?.AppId;

    private static async Task<RoomAnswer> AnswerAsync(Func<Task<HttpResponseMessage>> call)
    {
        try
        {
            using var response = await call();
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return new RoomAnswer((int)response.StatusCode, null, null, null, null, null, body);
            }

            var json = JsonDocument.Parse(body).RootElement;
            return new RoomAnswer(
                200,
                json.GetProperty("room_id").GetString(),
                json.GetProperty("client_id").GetString(),
                json.GetProperty("stream_url").GetString(),
                json.GetProperty("ticket").GetString(),
                json.TryGetProperty("join_key", out var key) ? key.GetString() : null,
                body);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new RoomAnswer(0, null, null, null, null, null, e.GetType().Name + ": " + e.Message);
        }
    }

    private void Record(string source, string line)
    {
        _log.Enqueue($"[{source}] {line}");
        while (_log.Count > 2000 && _log.TryDequeue(out _))
        {
        }

        if (source == "devhost" && PidLine().Match(line) is { Success: true } match)
        {
            _pids[match.Groups[1].Value] = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        _boardPrinted |= source == "devhost" && line == StatusBoard.PageLine(Topology);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _extra.ToList())
        {
            await StopAppAsync(process, TimeSpan.FromSeconds(5));
        }

        try
        {
            await StopDevHostAsync(TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            // Already killed; the test has its own verdict.
        }

        Http.Dispose();
        Internal.Dispose();
        _instances.Dispose();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex(@"^\s+(\S+)\s+pid (\d+)\s*$")]
    private static partial Regex PidLine();
}

// What create-room or join-room answered: status 0 when the call itself failed.
internal sealed record RoomAnswer(int Status, string? RoomId, string? ClientId, string? StreamUrl, string? Ticket, string? JoinKey, string Body)
{
    public bool Ok => Status == 200;

    public override string ToString() => Ok ? $"200 room {RoomId} at {StreamUrl}" : $"{Status} {Body}";
}
