using System.Collections.Concurrent;
using AvatarStream.DevSidecar.Discovery;
using AvatarStream.DevSidecar.State;

namespace AvatarStream.DevSidecar.Hosting;

/// <summary>
/// What a set of sidecars shares: one store, and through it the app directory. Sidecars in one process share one
/// cluster object; sidecars in separate processes each open a cluster on the same SQLite file.
/// </summary>
public sealed class SidecarCluster(IStateStore store, TimeProvider time) : IAsyncDisposable
{
    // state.sqlite components name their own files; sidecars of one cluster share one store per file.
    private readonly ConcurrentDictionary<string, Lazy<SqliteStateStore>> _sqliteFiles = new(StringComparer.Ordinal);

    public IStateStore Store { get; } = store;

    public TimeProvider Time { get; } = time;

    public AppDirectory Directory { get; } = new(store, time);

    /// <summary>What kind of store <see cref="Store"/> is, for log messages.</summary>
    public string StoreKind => Store is SqliteStateStore ? "SQLite" : "in-memory";

    /// <summary>A store in this process's memory: for tests.</summary>
    public static SidecarCluster InMemory(TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        return new SidecarCluster(new InMemoryStateStore(time), time);
    }

    /// <summary>
    /// A store in the SQLite file at <paramref name="path"/> (its folder is created): durable across restarts, and
    /// shared with every other process that opens a cluster on the same file.
    /// </summary>
    public static SidecarCluster Sqlite(string path, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var store = SqliteStateStore.Open(path, time);
        var cluster = new SidecarCluster(store, time);
        cluster._sqliteFiles[store.Path] = new Lazy<SqliteStateStore>(store);
        return cluster;
    }

    /// <summary>The store of the SQLite file at <paramref name="path"/>, opened once per cluster.</summary>
    public IStateStore OpenSqlite(string path) =>
        _sqliteFiles.GetOrAdd(Path.GetFullPath(path), full => new Lazy<SqliteStateStore>(() => SqliteStateStore.Open(full, Time))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var file in _sqliteFiles.Values.Where(f => f.IsValueCreated && !ReferenceEquals(f.Value, Store)))
        {
            await file.Value.DisposeAsync();
        }

        if (Store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}
