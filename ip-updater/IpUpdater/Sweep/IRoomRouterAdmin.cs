namespace AvatarStream.IpUpdater.Sweep;

/// <summary>What the sweep needs from the room router.</summary>
public interface IRoomRouterAdmin
{
    public Task<IReadOnlyList<string>> ListInstancesAsync(CancellationToken cancellationToken);

    public Task EvictAsync(string instanceId, CancellationToken cancellationToken);
}
