using System.Collections.Concurrent;
using System.Diagnostics;

namespace AvatarStream.DevSidecar.Tests.Infrastructure;

// A built .NET program (the sidecar or the test app) run as its own process with dotnet exec. Its output is
// collected; it is stopped through its own Process handle, never by name.
public sealed class StandaloneProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Lock _gate = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _watchers = [];

    private StandaloneProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public string Output => string.Join('\n', _lines);

    // Starts dotnet exec {assembly}.dll from the test's output folder, without any DAPR_* or APP_* variables.
    public static StandaloneProcess Start(string assembly, IEnumerable<string> args, string workingDirectory)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly + ".dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("DAPR_", StringComparison.Ordinal) || k == "APP_API_TOKEN").ToArray())
        {
            start.Environment.Remove(name);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var standalone = new StandaloneProcess(process);
        process.OutputDataReceived += (_, e) => standalone.Add(e.Data);
        process.ErrorDataReceived += (_, e) => standalone.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return standalone;
    }

    // The first output line matching match; fails early if the process exits first.
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_lines.FirstOrDefault(match) is { } seen)
            {
                return seen;
            }

            _watchers.Add((match, found));
        }

        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(found.Task, exited, Task.Delay(timeout));
        if (first == found.Task)
        {
            return await found.Task;
        }

        throw new InvalidOperationException(
            (first == exited ? $"process exited ({_process.ExitCode})" : $"no matching line within {timeout.TotalSeconds:0} s") + ":\n" + Output);
    }

    // kill -9: the process gets no chance to clean up.
    public void Kill() => _process.Kill();

    // Sends a signal (e.g. TERM, INT) with the kill command.
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", $"-{signal} {_process.Id}");
        await kill.WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(cancel.Token);
        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Enqueue(line);
            foreach (var watcher in _watchers.Where(w => w.Match(line)).ToArray())
            {
                watcher.Found.TrySetResult(line);
                _watchers.Remove(watcher);
            }
        }
    }
}
