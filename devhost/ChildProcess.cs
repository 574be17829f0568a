using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AvatarStream.DevHost;

/// <summary>One child of the separate-processes run: its output is prefixed with its name; it is stopped by its own PID.</summary>
public sealed partial class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Pid => _process.Id;

    public static ChildProcess Start(string name, string dll, IEnumerable<string> args, string workingDirectory)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Print(name, e.Data);
        process.ErrorDataReceived += (_, e) => Print(name, e.Data);
        process.Exited += (_, _) => Console.WriteLine($"[{name}] exited with code {process.ExitCode}");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(name, process);
    }

    /// <summary>SIGTERM (a graceful stop: stream instances close sockets with 1001), then SIGKILL after the grace period.</summary>
    public async ValueTask DisposeAsync()
    {
        _ = await StopAsync(_process, TimeSpan.FromSeconds(10));
        _process.Dispose();
    }

    /// <summary>
    /// SIGTERM to <paramref name="process"/> alone, then a wait of <paramref name="grace"/>; if it is still running,
    /// kills it with its whole tree and waits for that. True when it exited by itself (or had already exited).
    /// </summary>
    public static async Task<bool> StopAsync(Process process, TimeSpan grace)
    {
        if (process.HasExited)
        {
            return true;
        }

        _ = Terminate(process.Id, SigTerm);
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return false;
        }
    }

    private static void Print(string name, string? line)
    {
        if (line is not null)
        {
            Console.WriteLine($"[{name}] {line}");
        }
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Terminate(int pid, int signal);
}
