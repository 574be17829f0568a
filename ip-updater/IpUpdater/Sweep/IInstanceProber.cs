namespace AvatarStream.IpUpdater.Sweep;

/// <summary>Asks one stream instance whether it is alive.</summary>
public interface IInstanceProber
{
    public Task<bool> IsHealthyAsync(string instanceId, CancellationToken cancellationToken);
}
