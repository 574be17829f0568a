using AvatarStream.DevSidecar.Hosting;

namespace AvatarStream.DevHost;

// Every app and its development sidecar in this one process, sharing one SQLite store.
public sealed class InProcessRun(LocalTopology topology, DevHostOptions options, string root)
{
    private static readonly TimeSpan ReadyLimit = TimeSpan.FromSeconds(60);

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
                    Sidecar.StartAsync(SidecarFor(spec), cluster, logging => ServiceLogging.ConfigureSidecar(logging, options.LogLevel), stopping)));
            }

            foreach (var spec in topology.StartOrder)
            {
                var app = ServiceCatalog.Build(spec.Kind, [.. spec.AppArguments(options.LogLevel)]);
                apps.Add(app);
                await PortGuard.StartAsync(spec.AppPort, null, async () => { await app.StartAsync(stopping); return app; });
            }

            await AppHealth.WaitUntilUpAsync(topology, root, ReadyLimit, stopping);
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            StatusBoard.PrintRunning(topology, options);
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
}
