using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using AvatarStream.DevSidecar.Hosting;
using Microsoft.AspNetCore.Connections;
using Microsoft.Data.Sqlite;

namespace AvatarStream.DevSidecar.Cli;

// The standalone sidecar: one process per app, all of them sharing one SQLite file, through which they find each
// other. Exit codes: 0 after Ctrl+C / SIGTERM, 1 when it cannot start, 2 for bad flags.
public static class SidecarCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = CommandLine.Parse(args, Environment.GetEnvironmentVariable, out var error);
        if (args.Any(a => a is "-h" or "--help" or "-help"))
        {
            Console.Out.WriteLine(CommandLine.Usage);
            return 0;
        }

        if (parsed is null)
        {
            await Console.Error.WriteLineAsync($"dev-sidecar: {error}\n{CommandLine.Usage}");
            return 2;
        }

        IReadOnlySet<string> features;
        try
        {
            features = parsed.ConfigFile is null ? new HashSet<string>() : ConfigurationFile.ReadFeatures(parsed.ConfigFile);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return await FailAsync($"--config: {e.Message}");
        }

        if (UnusablePort(parsed) is { } unusable)
        {
            return await FailAsync(unusable);
        }

        var options = new SidecarOptions
        {
            AppId = parsed.AppId,
            AppPort = parsed.AppPort,
            HttpPort = parsed.HttpPort,
            GrpcPort = parsed.GrpcPort,
            ResourcesPath = parsed.ResourcesPath,
            ApiToken = parsed.ApiToken,
            AppApiToken = parsed.AppApiToken,
            Features = features,
            MetadataOverrides = parsed.MetadataOverrides,
        };

        SidecarCluster cluster;
        try
        {
            cluster = SidecarCluster.Sqlite(parsed.StateDb, TimeProvider.System);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            return await FailAsync($"--state-db: cannot open '{Path.GetFullPath(parsed.StateDb)}': {e.Message}");
        }

        await using var _ = cluster;
        Sidecar sidecar;
        try
        {
            sidecar = await Sidecar.StartAsync(options, cluster, logging => logging
                .SetMinimumLevel(parsed.LogLevel)
                .AddFilter("Microsoft", parsed.LogLevel is > LogLevel.Trace and < LogLevel.Warning ? LogLevel.Warning : parsed.LogLevel));
        }
        catch (Exception e) when (e is DirectoryNotFoundException or InvalidDataException)
        {
            // Caught before IOException, which DirectoryNotFoundException is: a missing folder is no listening failure.
            return await FailAsync($"--resources-path: {e.Message}");
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            // Lost a race for a port between the check above and the bind.
            return await FailAsync($"cannot listen: {e.Message}");
        }

        await using (sidecar)
        {
            Console.Out.WriteLine($"dev-sidecar: app-id {options.AppId}, HTTP {sidecar.HttpEndpoint}, gRPC {sidecar.GrpcEndpoint}, "
                + $"app {(options.AppPort is { } port ? $"http://127.0.0.1:{port}" : "none")}, state {Path.GetFullPath(parsed.StateDb)}");
            await Console.Out.FlushAsync();
            await UntilStoppedAsync(sidecar);
        }

        return 0;
    }

    private static async Task UntilStoppedAsync(Sidecar sidecar)
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var stopping = sidecar.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stop.TrySetResult());
        await stop.Task;

        void Stop(PosixSignalContext context)
        {
            // Shut down in order ourselves instead of letting the runtime end the process.
            context.Cancel = true;
            stop.TrySetResult();
        }
    }

    private static async Task<int> FailAsync(string message)
    {
        await Console.Error.WriteLineAsync($"dev-sidecar: {message}");
        return 1;
    }

    private static string? UnusablePort(CommandLineOptions options)
    {
        foreach (var (port, flag) in new[] { (options.HttpPort, "--dapr-http-port"), (options.GrpcPort, "--dapr-grpc-port") })
        {
            if (port == 0)
            {
                continue;
            }

            try
            {
                using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

                // As Kestrel does, so a port whose old connections linger in TIME_WAIT still counts as free.
                probe.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse)
            {
                return $"port {port} ({flag}) is already in use on 127.0.0.1";
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.AccessDenied)
            {
                return $"port {port} ({flag}) may not be bound by this user";
            }
        }

        return null;
    }
}
