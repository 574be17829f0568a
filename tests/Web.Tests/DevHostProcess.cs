using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AvatarStream.DevHost;

namespace AvatarStream.Web.Tests;

/// <summary>The whole local system (devhost: room-router, stream instances, sidecars) as a child process.</summary>
public sealed class DevHostProcess : IAsyncDisposable
{
    /// <summary>The devhost's default number of stream instances.</summary>
    private const int Streams = 2;

    private readonly string _dataDir;
    private readonly int _basePort;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly List<string> _output = [];
    private Process _process;

    private DevHostProcess(string dataDir, int basePort, IReadOnlyDictionary<string, string> environment)
    {
        _dataDir = dataDir;
        _basePort = basePort;
        _environment = environment;
        BaseUrl = $"http://127.0.0.1:{basePort}";
        _process = Launch();
    }

    public string BaseUrl { get; }

    public static async Task<DevHostProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var host = new DevHostProcess(Directory.CreateTempSubdirectory("web-tests-").FullName, LocalTopology.FreeBasePort(Streams, 20000, 29700), environment);
        await host.WaitUntilReadyAsync();
        return host;
    }

    /// <summary>Stops the whole system gracefully (SIGTERM) and starts it again on the same ports and data.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        _process.Dispose();
        _process = Launch();
        await WaitUntilReadyAsync();
    }

    private Process Launch()
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot.Find(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "DevHost.dll"), "--data-dir", _dataDir, "--base-port", _basePort.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in _environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("devhost did not start");
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

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

    private async Task WaitUntilReadyAsync()
    {
        var expected = LocalTopology.Create(Streams, _basePort).Apps.Where(a => a.Kind == AppKind.Stream).Select(a => a.AppId).ToHashSet();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", InternalToken());
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        IReadOnlySet<string> seen = new HashSet<string>();
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"devhost exited with {_process.ExitCode}:\n{Output()}");
            }

            try
            {
                // Healthy, and every stream instance has registered (create-room would otherwise answer 503).
                using var health = await http.GetAsync(new Uri($"{BaseUrl}/health"));
                if (health.IsSuccessStatusCode)
                {
                    using var instances = await http.GetAsync(new Uri($"{BaseUrl}/instances"));
                    if (instances.IsSuccessStatusCode)
                    {
                        var json = await instances.Content.ReadFromJsonAsync<JsonElement>();
                        seen = json.GetProperty("instances").EnumerateArray().Select(i => i.GetProperty("instance_id").GetString()!).ToHashSet(StringComparer.Ordinal);
                        if (expected.IsSubsetOf(seen))
                        {
                            return;
                        }
                    }
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"devhost was not healthy with [{string.Join(", ", expected)}] registered within 60 s (GET /instances lists [{string.Join(", ", seen)}]):\n{Output()}");
    }

    /// <summary>The development internal token, as the sidecars read it from components/secrets.dev.json.</summary>
    private static string InternalToken()
    {
        using var secrets = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "components", "secrets.dev.json")));
        return secrets.RootElement.GetProperty("internal-token").GetString()!;
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

    /// <summary>SIGTERM to this process only, then a bounded wait before killing it.</summary>
    private Task StopAsync() => ChildProcess.StopAsync(_process, TimeSpan.FromSeconds(15));
}
