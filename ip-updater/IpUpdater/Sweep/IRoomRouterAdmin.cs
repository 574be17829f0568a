namespace AvatarStream.IpUpdater.Sweep;

/// <summary>What the sweep needs from the room router.</summary>
public interface IRoomRouterAdmin
{
    Task<IReadOnlyList<string>> ListInstancesAsync(CancellationToken cancellationToken);

    Task EvictAsync(string instanceId, CancellationToken cancellationToken);
}
