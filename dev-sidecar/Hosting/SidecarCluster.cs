using AvatarStream.DevSidecar.Directory;
using AvatarStream.DevSidecar.State;

namespace AvatarStream.DevSidecar.Hosting;

/// <summary>
/// What a set of sidecars shares: one store, and through it the app directory. Sidecars in one process share one
/// cluster object; sidecars in separate processes each open a cluster on the same SQLite file.
/// </summary>
public sealed class SidecarCluster(IStateStore store, TimeProvider time) : IAsyncDisposable
{
    public IStateStore Store { get; } = store;

    public TimeProvider Time { get; } = time;

    public AppDirectory Directory { get; } = new(store, time);

    /// <summary>A store in this process's memory: for tests.</summary>
    public static SidecarCluster InMemory(TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        return new SidecarCluster(new InMemoryStateStore(time), time);
    }

    public ValueTask DisposeAsync() => Store is IAsyncDisposable d ? d.DisposeAsync() : ValueTask.CompletedTask;
}
