using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AvatarStream.DevHost;

// One child of the separate-processes run: its output is prefixed with its name; it is stopped by its own PID.
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

    public static ChildProcess Start(string name, string assembly, IEnumerable<string> args, string workingDirectory)
    {
        void Print(string line) => Console.WriteLine($"[{name}] {line}");
        var process = DotnetExec.Start(DotnetExec.Info(assembly, args, workingDirectory), Print, Print, exited => Print($"exited with code {exited.ExitCode}"));
        return new ChildProcess(name, process);
    }

    // SIGTERM (a graceful stop: stream instances close sockets with 1001), then SIGKILL after the grace period.
    public async ValueTask DisposeAsync()
    {
        _ = await StopAsync(_process, TimeSpan.FromSeconds(10));
        _process.Dispose();
    }

    // SIGTERM to the process alone, then a wait of grace; if it is still running, kills it with its whole tree and
    // waits for that. True when it exited by itself (or had already exited).
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

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Terminate(int pid, int signal);
}
