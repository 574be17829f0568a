using System.Diagnostics;
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
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"devhost exited with {_process.ExitCode}:\n{Output()}");
            }

            try
            {
                // Healthy, and a stream instance has registered (create-room would otherwise answer 503).
                using var health = await http.GetAsync(new Uri($"{BaseUrl}/health"));
                if (health.IsSuccessStatusCode)
                {
                    return;
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

        throw new TimeoutException($"devhost did not answer /health within 60 s:\n{Output()}");
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
