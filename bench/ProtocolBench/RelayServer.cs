using System.Diagnostics;

namespace AvatarStream.ProtocolBench;

// A fresh StreamRelayBench process on a free loopback port. Only this process is ever signalled.
internal sealed class RelayServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _drainingOutput;

    private RelayServer(Process process, Uri address, Task drainingOutput)
    {
        _process = process;
        Address = address;
        _drainingOutput = drainingOutput;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    public static async Task<RelayServer> StartAsync(string serverDll)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(serverDll);
        start.ArgumentList.Add("--addr");
        start.ArgumentList.Add("127.0.0.1:0");
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the relay");
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("LISTENING ", StringComparison.Ordinal))
                {
                    var address = new Uri($"ws://{line["LISTENING ".Length..].Trim()}/");
                    return new RelayServer(process, address, Task.WhenAll(process.StandardOutput.ReadToEndAsync(), stderr));
                }
            }

            throw new InvalidOperationException($"the relay exited before listening: {await stderr}");
        }
        catch
        {
            Stop(process);
            throw;
        }
    }

    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        Stop(_process);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(timeout.Token);
        await _drainingOutput;
        _process.Dispose();
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill();
        }
    }
}
