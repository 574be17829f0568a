namespace AvatarStream.DevHost;

// Every app and every sidecar as its own OS process (as dapr run -f . does), all on one SQLite file, so one
// stream instance can be killed with kill -9 while the rest keep running.
public sealed class ProcessRun(LocalTopology topology, DevHostOptions options, string root)
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    public async Task RunAsync(CancellationToken stopping)
    {
        var children = new List<ChildProcess>();
        try
        {
            foreach (var spec in topology.Apps)
            {
                children.Add(ChildProcess.Start(spec.AppId + ".sidecar", "DevSidecar", SidecarArguments(spec), root));
            }

            // Stream instances first, the router and the IP updater once they answer (see LocalTopology.StartOrder): the
            // registry may still list them from the last run, and a join or a sweep reaching an instance that is still
            // starting would evict it with its rooms.
            var streams = topology.StartOrder.Where(spec => spec.Kind == AppKind.Stream).ToList();
            children.AddRange(streams.Select(StartApp));
            AppHealth.WarnLate(await AppHealth.WaitAsync(streams, StartLimit, stopping), $"does not answer /health after {StartLimit.TotalSeconds:0} s; starting the others anyway", stopping);
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            children.AddRange(topology.StartOrder.Except(streams).Select(StartApp));
            await AppHealth.WaitUntilUpAsync(topology, root, StartLimit, stopping);
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            StatusBoard.PrintRunning(topology, options, children);

            await Task.Delay(Timeout.Infinite, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        finally
        {
            // Reverse start order, apps before sidecars, for the same reason as in-process.
            foreach (var child in Enumerable.Reverse(children))
            {
                await child.DisposeAsync();
            }
        }
    }

    public IReadOnlyList<string> SidecarArguments(AppSpec spec) =>
    [
        "--app-id", spec.AppId,
        "--app-port", spec.AppPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--dapr-http-port", spec.SidecarHttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--dapr-grpc-port", spec.SidecarGrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--resources-path", Path.Combine(root, "components"),
        "--state-db", Path.GetFullPath(Path.Combine(options.DataDir, "state.db")),
        .. InProcessRun.SweepOverride(options).SelectMany(o => new[] { "--metadata", $"{o.Key.Component}.{o.Key.Key}={o.Value}" }),
        .. ServiceLogging.SidecarArguments(options.LogLevel),
    ];

    private ChildProcess StartApp(AppSpec spec) =>
        ChildProcess.Start(spec.AppId, ServiceCatalog.AssemblyOf(spec.Kind), spec.AppArguments(options.LogLevel), root);
}
