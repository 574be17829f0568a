extern alias devsidecar;

using devsidecar::AvatarStream.DevSidecar.Hosting;

namespace AvatarStream.RoomRouter.Tests.Integration.Harness;

// One integration run: a temp folder with the components (the repository's state store, a secret store on a temp
// secrets file), the cluster store the sidecars share, and everything started on it. Disposing stops it all in
// reverse order, then the clusters, then deletes the folder.
public sealed class Testbed : IAsyncDisposable
{
    public const string InternalToken = "integration-internal-token";

    private readonly List<IAsyncDisposable> _started = [];
    private readonly List<SidecarCluster> _clusters = [];
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("router-int-");

    private Testbed(ClusterStore kind)
    {
        Kind = kind;
        Directory.CreateDirectory(ResourcesPath);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "components", "statestore.yaml"), Path.Combine(ResourcesPath, "statestore.yaml"));
        var secrets = Path.Combine(_folder.FullName, "secrets.json");
        File.WriteAllText(secrets, $$"""{ "internal-token": "{{InternalToken}}", "ticket-key": "integration-ticket-key-0123456789abcdef" }""");
        // An absolute path: the repository's secretstore.yaml names its file relative to the working directory.
        File.WriteAllText(Path.Combine(ResourcesPath, "secretstore.yaml"), $"""
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
        Cluster = OpenCluster();
    }

    public ClusterStore Kind { get; }

    public string ResourcesPath => Path.Combine(_folder.FullName, "components");

    public string DatabasePath => Path.Combine(_folder.FullName, "state", "cluster.db");

    // The cluster everything starts on unless told otherwise.
    public SidecarCluster Cluster { get; }

    public static Testbed Create(ClusterStore kind = ClusterStore.InMemory) => new(kind);

    // Another cluster on the same SQLite file, as a separate process would open it.
    public SidecarCluster OpenCluster()
    {
        var cluster = Kind == ClusterStore.Sqlite ? SidecarCluster.Sqlite(DatabasePath) : SidecarCluster.InMemory();
        _clusters.Add(cluster);
        return cluster;
    }

    // Closes a cluster opened by OpenCluster, as its process would on exit.
    public async Task CloseClusterAsync(SidecarCluster cluster)
    {
        if (_clusters.Remove(cluster))
        {
            await cluster.DisposeAsync();
        }
    }

    public async Task<RouterNode> StartRouterAsync(params (string Key, string Value)[] settings) =>
        Track(await RouterNode.StartAsync(this, Cluster, settings));

    public async Task<RouterNode> StartRouterAsync(SidecarCluster cluster, params (string Key, string Value)[] settings) =>
        Track(await RouterNode.StartAsync(this, cluster, settings));

    // A stream instance stand-in with its own sidecar; it announces itself to the router unless told not to.
    public async Task<StreamStandIn> StartStreamAsync(string appId, bool announce = true)
    {
        var stream = Track(await StreamStandIn.StartAsync(this, Cluster, appId));
        if (announce)
        {
            await stream.AnnounceAsync();
        }

        return stream;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _started.Count - 1; i >= 0; i--)
        {
            await _started[i].DisposeAsync();
        }

        foreach (var cluster in _clusters)
        {
            await cluster.DisposeAsync();
        }

        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere only leaves litter in the temp folder.
        }
    }

    private T Track<T>(T node)
        where T : IAsyncDisposable
    {
        _started.Add(node);
        return node;
    }
}
