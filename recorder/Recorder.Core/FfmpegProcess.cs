using System.ComponentModel;
using System.Diagnostics;

namespace AvatarStream.Recorder.Core;

// ffmpeg as a child process: arguments passed as a list (no shell quoting), stdin optionally a pipe for raw frames,
// the last lines of stderr kept for the error message.
internal sealed class FfmpegProcess : IDisposable
{
    private const int KeptErrorLines = 20;

    private readonly Process _process;
    private readonly Queue<string> _errorLines = new();

    private FfmpegProcess(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is null) return;
            lock (_errorLines)
            {
                if (_errorLines.Count == KeptErrorLines) _errorLines.Dequeue();
                _errorLines.Enqueue(line.Data);
            }
        };
    }

    public Stream Input => _process.StandardInput.BaseStream;

    public static FfmpegProcess Start(string ffmpegPath, IEnumerable<string> arguments, bool pipeInput)
    {
        // A path with a folder is checked here; a bare name is looked up on PATH by Process.Start.
        if (Path.GetDirectoryName(ffmpegPath) is { Length: > 0 } && !File.Exists(ffmpegPath)) throw NotFound(ffmpegPath);
        var start = new ProcessStartInfo(ffmpegPath)
        {
            RedirectStandardInput = pipeInput,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var process = new Process { StartInfo = start };
        var ffmpeg = new FfmpegProcess(process);
        try
        {
            process.Start();
        }
        catch (Win32Exception error)
        {
            process.Dispose();
            throw NotFound(ffmpegPath, error);
        }
        process.BeginErrorReadLine();
        return ffmpeg;
    }

    // Runs ffmpeg to its end; throws FfmpegException unless it exits with 0.
    public static async Task RunAsync(string ffmpegPath, IEnumerable<string> arguments, string what,
        CancellationToken cancellationToken)
    {
        using var ffmpeg = Start(ffmpegPath, arguments, pipeInput: false);
        await ffmpeg.EndAsync(what, cancellationToken);
    }

    // Waits for the exit (stdin, if piped, closed first); throws FfmpegException unless it exits with 0.
    // Cancelled, it kills ffmpeg.
    public async Task EndAsync(string what, CancellationToken cancellationToken)
    {
        if (_process.StartInfo.RedirectStandardInput) CloseInput();
        try
        {
            await _process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw;
        }
        _process.WaitForExit(); // lets the stderr reader deliver its last lines
        if (_process.ExitCode != 0) throw Failed(what, $"exited with code {_process.ExitCode}");
    }

    private void CloseInput()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // ffmpeg is gone already; its exit code tells the rest.
        }
    }

    public FfmpegException Failed(string what, string how, Exception? cause = null)
    {
        string recent;
        lock (_errorLines) recent = string.Join(Environment.NewLine, _errorLines);
        var message = $"ffmpeg ({what}) {how}. Its last output:{Environment.NewLine}{recent}";
        return cause is null ? new FfmpegException(message) : new FfmpegException(message, cause);
    }

    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public void Dispose() => _process.Dispose();

    private static FfmpegException NotFound(string ffmpegPath, Exception? cause = null)
    {
        var message = $"ffmpeg not found at {ffmpegPath}; install the Debian package ffmpeg";
        return cause is null ? new FfmpegException(message) : new FfmpegException(message, cause);
    }
}
