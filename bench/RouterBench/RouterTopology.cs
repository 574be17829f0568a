extern alias devsidecar;

using AvatarStream.RoomRouter;
using devsidecar::AvatarStream.DevSidecar.App;
using devsidecar::AvatarStream.DevSidecar.Hosting;

namespace AvatarStream.RouterBench;

// Everything in this process, on loopback: the room router beside its development sidecar, stream stand-ins beside
// theirs, one SQLite cluster store in a temp folder, the repository's state store component and a secret store on a
// temp secrets file.
internal sealed class RouterTopology : IAsyncDisposable
{
    private const string Token = "bench-internal-token";

    private readonly DirectoryInfo _folder;
    private readonly List<StreamStandIn> _streams = [];

    private RouterTopology(DirectoryInfo folder, SidecarCluster cluster)
    {
        _folder = folder;
        Cluster = cluster;
    }

    public SidecarCluster Cluster { get; }

    public WebApplication Router { get; private set; } = null!;

    public Sidecar RouterSidecar { get; private set; } = null!;

    public IReadOnlyList<StreamStandIn> Streams => _streams;

    public Uri RouterAddress => new(Router.Urls.Single());

    public static async Task<RouterTopology> StartAsync(int streamCount, IReadOnlyList<(string Key, string Value)> settings)
    {
        var folder = Directory.CreateTempSubdirectory("router-bench-");
        var resources = WriteComponents(folder);
        var topology = new RouterTopology(folder, SidecarCluster.Sqlite(Path.Combine(folder.FullName, "state", "cluster.db")));
        await topology.StartRouterAsync(resources, settings);
        for (var i = 1; i <= streamCount; i++)
        {
            var stream = await StreamStandIn.StartAsync($"stream-{i}", resources, topology.Cluster, Token);
            topology._streams.Add(stream);
            await stream.AnnounceAsync(Token);
        }

        return topology;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var stream in _streams)
        {
            await stream.DisposeAsync();
        }

        await RouterSidecar.DisposeAsync();
        await Router.StopAsync();
        await Router.DisposeAsync();
        await Cluster.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    private async Task StartRouterAsync(string resources, IReadOnlyList<(string Key, string Value)> settings)
    {
        // The router's actor runtime reads its sidecar's address at start, so the sidecar's ports are picked first.
        for (var attempt = 1; ; attempt++)
        {
            var (httpPort, grpcPort) = (LoopbackPorts.Next(), LoopbackPorts.Next());
            Router = RoomRouterApp.Build(
            [
                "--urls=http://127.0.0.1:0",
                $"--DAPR_HTTP_ENDPOINT=http://127.0.0.1:{httpPort}",
                $"--DAPR_GRPC_ENDPOINT=http://127.0.0.1:{grpcPort}",
                "--Logging:LogLevel:Default=Warning",
                .. settings.Select(s => $"--{s.Key}={s.Value}"),
            ]);
            await Router.StartAsync();
            try
            {
                RouterSidecar = await Sidecar.StartAsync(
                    new SidecarOptions
                    {
                        AppId = "room-router",
                        AppPort = new Uri(Router.Urls.Single()).Port,
                        HttpPort = httpPort,
                        GrpcPort = grpcPort,
                        ResourcesPath = resources,
                    },
                    Cluster,
                    logging => logging.SetMinimumLevel(LogLevel.Warning));
                break;
            }
            catch (IOException) when (attempt < 5)
            {
                await Router.DisposeAsync();
            }
        }

        await RouterSidecar.Services.GetRequiredService<AppRegistrar>().Registered.WaitAsync(TimeSpan.FromSeconds(15));
    }

    private static string WriteComponents(DirectoryInfo folder)
    {
        var resources = Directory.CreateDirectory(Path.Combine(folder.FullName, "components")).FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "components", "statestore.yaml"), Path.Combine(resources, "statestore.yaml"));
        var secrets = Path.Combine(folder.FullName, "secrets.json");
        File.WriteAllText(secrets, $$"""{ "internal-token": "{{Token}}", "ticket-key": "bench-ticket-key-0123456789abcdef-0123" }""");
        File.WriteAllText(Path.Combine(resources, "secretstore.yaml"), $"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: secretstore
            spec:
              type: secretstores.local.file
              version: v1
              metadata:
                - name: secretsFile
                  value: "{secrets}"
            """);
        return resources;
    }
}
