namespace AvatarStream.IpUpdater.Sweep;

// What the sweep needs from the room router.
public interface IRoomRouterAdmin
{
    public Task<IReadOnlyList<string>> ListInstancesAsync(CancellationToken cancellationToken);

    public Task EvictAsync(string instanceId, CancellationToken cancellationToken);
}
