using System.Diagnostics;
using AvatarStream.DevHost;

namespace AvatarStream.Tests.Shared;

// The whole local system (devhost: room-router, stream instances, sidecars) as a child process.
public sealed class DevHostProcess : IAsyncDisposable
{
    // The devhost's default number of stream instances.
    private const int Streams = 2;

    private readonly string _dataDir;
    private readonly int _basePort;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly IReadOnlyList<string> _arguments;
    private readonly List<string> _output = [];
    private Process _process;

    private DevHostProcess(string dataDir, int basePort, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> arguments)
    {
        _dataDir = dataDir;
        _basePort = basePort;
        _environment = environment;
        _arguments = arguments;
        BaseUrl = $"http://127.0.0.1:{basePort}";
        _process = Launch();
    }

    public string BaseUrl { get; }

    // Every client of a test is 127.0.0.1, and a suite opens more rooms and sockets a minute than the per-address
    // defaults allow one address; the limits have tests of their own.
    public static IReadOnlyDictionary<string, string> GenerousRateLimits { get; } = new Dictionary<string, string>
    {
        ["RateLimits__CreateRoomPerMinute"] = "600000",
        ["RateLimits__CreateRoomBurst"] = "100000",
        ["RateLimits__JoinRoomPerMinute"] = "600000",
        ["RateLimits__JoinRoomBurst"] = "100000",
        ["RateLimits__FailedJoinsPerMinute"] = "600000",
        ["RateLimits__FailedJoinBurst"] = "100000",
        ["Stream__UpgradesPerMinute"] = "600000",
        ["Stream__UpgradeBurst"] = "100000",

        // Not a limit, a wait: the recorder's first answer, cold, on a machine shared by a whole suite, can pass the 5 s default.
        ["Recording__RecorderTimeout"] = "00:00:20",
    };

    // Arguments: more devhost options, such as --log-level.
    public static async Task<DevHostProcess> StartAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var host = new DevHostProcess(Directory.CreateTempSubdirectory("web-tests-").FullName, LocalTopology.FreeBasePort(Streams, 20000, 29700), environment, arguments);
        await host.WaitUntilReadyAsync();
        return host;
    }

    // Stops the whole system gracefully (SIGTERM) and starts it again on the same ports and data.
    public async Task RestartAsync()
    {
        await StopAsync();
        _process.Dispose();
        _process = Launch();
        await WaitUntilReadyAsync();
    }

    private Process Launch()
    {
        var info = DotnetExec.Info("DevHost", ["--data-dir", _dataDir, "--base-port", _basePort.ToString(System.Globalization.CultureInfo.InvariantCulture), .. _arguments], RepositoryRoot.Find());
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in GenerousRateLimits.Concat(_environment))
        {
            info.Environment[key] = value;
        }

        return DotnetExec.Start(info, Record, Record);
    }

    private void Record(string line)
    {
        lock (_output)
        {
            _output.Add(line);
        }
    }

    public string Output()
    {
        lock (_output)
        {
            return string.Join('\n', _output.TakeLast(60));
        }
    }

    // Every line printed so far, on stdout and stderr alike.
    public IReadOnlyList<string> Lines()
    {
        lock (_output)
        {
            return [.. _output];
        }
    }

    // Once the devhost has printed its status board (it does so when every stream instance is registered, so
    // create-room would not answer 503) and the router still lists them all.
    private async Task WaitUntilReadyAsync()
    {
        var topology = LocalTopology.Create(Streams, _basePort);
        var expected = topology.Apps.Where(a => a.Kind == AppKind.Stream).Select(a => a.AppId).ToHashSet();
        using var instances = new RouterInstances(topology["room-router"], RepositoryRoot.Find());
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        IReadOnlySet<string> seen = new HashSet<string>();
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"devhost exited with {_process.ExitCode}:\n{Output()}");
            }

            seen = await instances.TryListAsync() ?? seen;
            if (expected.IsSubsetOf(seen) && Printed(StatusBoard.PageLine(topology)))
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"devhost did not print its status board with [{string.Join(", ", expected)}] registered within 60 s (GET /instances lists [{string.Join(", ", seen)}]):\n{Output()}");
    }

    private bool Printed(string line)
    {
        lock (_output)
        {
            return _output.Contains(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    // SIGTERM to this process only, then a bounded wait before killing it.
    private Task StopAsync() => ChildProcess.StopAsync(_process, TimeSpan.FromSeconds(15));
}
