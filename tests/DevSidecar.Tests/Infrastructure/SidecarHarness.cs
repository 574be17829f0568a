using AvatarStream.DevSidecar.Hosting;
namespace AvatarStream.DevSidecar.Tests.Infrastructure;

// A temp folder with a resources (components) folder, one cluster on a chosen store, and the sidecars started on
// it; disposing stops them all and deletes the folder.
public sealed class SidecarHarness : IAsyncDisposable
{
    private readonly List<TestSidecar> _sidecars = [];

    private SidecarHarness(StoreKind kind, TimeProvider time)
    {
        Kind = kind;
        Time = time;
        Directory.CreateDirectory(ResourcesPath);
        Cluster = OpenCluster();
    }

    public TempFolder Folder { get; } = new();

    public StoreKind Kind { get; }

    public TimeProvider Time { get; }

    public SidecarCluster Cluster { get; }

    public string ResourcesPath => Folder.Combine("components");

    public string DatabasePath => Folder.Combine("state", "sidecar.db");

    public CollectingLoggerProvider Logs { get; } = new();

    public static SidecarHarness Create(StoreKind kind, TimeProvider? time = null) => new(kind, time ?? TimeProvider.System);

    // Another cluster on the same store file, as a second process would open it (SQLite only).
    public SidecarCluster OpenCluster() =>
        Kind == StoreKind.Sqlite ? SidecarCluster.Sqlite(DatabasePath, Time) : SidecarCluster.InMemory(Time);

    public void AddComponent(string fileName, string yaml) => File.WriteAllText(System.IO.Path.Combine(ResourcesPath, fileName), yaml);

    public Task<TestSidecar> StartAsync(string appId, string? apiToken = null) =>
        StartAsync(new SidecarOptions { AppId = appId, ResourcesPath = ResourcesPath, ApiToken = apiToken });

    public async Task<TestSidecar> StartAsync(SidecarOptions options, SidecarCluster? cluster = null)
    {
        var sidecar = await TestSidecar.StartAsync(options, cluster ?? Cluster, Logs);
        _sidecars.Add(sidecar);
        return sidecar;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var sidecar in Enumerable.Reverse(_sidecars))
        {
            await sidecar.DisposeAsync();
        }

        await Cluster.DisposeAsync();
        Folder.Dispose();
    }
}
