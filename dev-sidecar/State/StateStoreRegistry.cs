using AvatarStream.DevSidecar.Components;
using AvatarStream.DevSidecar.Hosting;
using AvatarStream.DevSidecar.Secrets;

namespace AvatarStream.DevSidecar.State;

// The state components this sidecar serves: every state.* component scoped to its app.
// state.in-memory and state.sqlite are served as themselves; any other type (say state.redis)
// by the cluster's store, under a per-component key prefix, so apps written against Redis run unchanged.
public sealed class StateStoreRegistry
{
    // Keys of cluster-served components live under this, apart from the sidecar's own records (app directory etc.).
    private const string ClusterKeyPrefix = "state||";

    private readonly Dictionary<string, StateStoreComponent> _byName = new(StringComparer.Ordinal);

    public StateStoreRegistry(
        IReadOnlyList<Component> components,
        ComponentValues values,
        SidecarOptions options,
        SidecarCluster cluster,
        ILogger<StateStoreRegistry> logger)
    {
        var appNamespace = Environment.GetEnvironmentVariable("NAMESPACE");
        foreach (var component in components.Where(c => c.Block == "state"))
        {
            var store = OpenStore(component, values, cluster, logger);
            var prefix = StateKeyPrefix.For(values.Resolve(component, "keyPrefix"), component.Name, options.AppId, appNamespace);
            var isActorStore = string.Equals(values.Resolve(component, "actorStateStore"), "true", StringComparison.OrdinalIgnoreCase);
            if (isActorStore && ActorStore is not null)
            {
                throw new InvalidDataException(
                    $"components '{ActorStore.Name}' and '{component.Name}' both set actorStateStore; at most one may");
            }

            var served = new StateStoreComponent(component, store, prefix, isActorStore);
            if (!_byName.TryAdd(component.Name, served))
            {
                throw new InvalidDataException($"more than one state component is named '{component.Name}'");
            }

            ActorStore = isActorStore ? served : ActorStore;
        }

        All = _byName.Values.ToArray();
    }

    public IReadOnlyList<StateStoreComponent> All { get; }

    // The component marked actorStateStore: "true", or null: actors then have no state store.
    public StateStoreComponent? ActorStore { get; }

    // The component named name (exact match, as daprd), or null.
    public StateStoreComponent? Find(string name) => _byName.GetValueOrDefault(name);

    private static IStateStore OpenStore(Component component, ComponentValues values, SidecarCluster cluster, ILogger logger)
    {
        switch (component.Type)
        {
            case "state.in-memory":
                return new InMemoryStateStore(cluster.Time);
            case "state.sqlite":
                var connectionString = values.Resolve(component, "connectionString");
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidDataException($"state store '{component.Name}' (state.sqlite) has no connectionString");
                }

                return SqlitePath(connectionString) is { } path ? cluster.OpenSqlite(path) : new InMemoryStateStore(cluster.Time);
            default:
                StateLog.ServedByClusterStore(logger, component.Name, component.Type, cluster.StoreKind);
                return new NamespacedStateStore(cluster.Store, ClusterKeyPrefix + component.Name + StateKeys.Separator);
        }
    }

    // The sqlite component takes a file path (relative to the working directory), a file: URI, or :memory:.
    private static string? SqlitePath(string connectionString)
    {
        var path = connectionString.Trim();
        if (path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            path = path["file:".Length..].Split('?', 2)[0];
        }

        return path is ":memory:" or "" ? null : Path.GetFullPath(path);
    }
}
