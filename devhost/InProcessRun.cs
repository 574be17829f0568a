using AvatarStream.DevSidecar.Hosting;

namespace AvatarStream.DevHost;

/// <summary>Every app and its development sidecar in this one process, sharing one SQLite store.</summary>
public sealed class InProcessRun(LocalTopology topology, DevHostOptions options, string root)
{
    public async Task RunAsync(CancellationToken stopping)
    {
        await using var cluster = SidecarCluster.Sqlite(Path.Combine(options.DataDir, "state.db"), TimeProvider.System);
        var sidecars = new List<Sidecar>();
        var apps = new List<WebApplication>();
        try
        {
            foreach (var spec in topology.Apps)
            {
                sidecars.Add(await PortGuard.StartAsync(spec.SidecarHttpPort, spec.SidecarGrpcPort, () =>
                    Sidecar.StartAsync(SidecarFor(spec), cluster, QuietLogging, stopping)));
            }

            foreach (var spec in topology.StartOrder)
            {
                var app = ServiceCatalog.Build(spec.Kind, [.. spec.AppArguments()]);
                apps.Add(app);
                await PortGuard.StartAsync(spec.AppPort, null, async () => { await app.StartAsync(stopping); return app; });
            }

            StatusBoard.PrintRunning(topology, options, inProcess: true);
            await Task.Delay(Timeout.Infinite, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        finally
        {
            // Apps before sidecars, in reverse start order: the router stops taking joins before the streams close
            // their sockets (1001), so no reconnecting client's join reaches a stopped instance.
            foreach (var app in Enumerable.Reverse(apps))
            {
                await app.StopAsync(CancellationToken.None);
                await app.DisposeAsync();
            }

            foreach (var sidecar in sidecars)
            {
                await sidecar.DisposeAsync();
            }
        }
    }

    private SidecarOptions SidecarFor(AppSpec spec) => new()
    {
        AppId = spec.AppId,
        AppPort = spec.AppPort,
        HttpPort = spec.SidecarHttpPort,
        GrpcPort = spec.SidecarGrpcPort,
        ResourcesPath = Path.Combine(root, "components"),
        MetadataOverrides = SweepOverride(options),
    };

    internal static Dictionary<(string Component, string Key), string> SweepOverride(DevHostOptions options) =>
        new() { [(AvatarStream.Contracts.DaprNames.InstanceSweepBinding, "schedule")] = options.SweepSchedule };

    private static void QuietLogging(ILoggingBuilder logging) =>
        logging.AddFilter("Microsoft", LogLevel.Warning).AddFilter("Grpc", LogLevel.Warning);
}
