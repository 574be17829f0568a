namespace AvatarStream.IpUpdater.Sweep;

// Asks one stream instance whether it is alive.
public interface IInstanceProber
{
    public Task<bool> IsHealthyAsync(string instanceId, CancellationToken cancellationToken);
}
