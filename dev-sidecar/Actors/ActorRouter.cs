using AvatarStream.DevSidecar.App;
using AvatarStream.DevSidecar.Discovery;

namespace AvatarStream.DevSidecar.Actors;

// Where an actor lives: its hosts are the live registrations listing its type; its owner is chosen among them.
public sealed class ActorRouter(AppDirectory directory, SidecarIdentity identity, AppRegistrar registrar)
{
    // The owning sidecar, or null when no live app hosts the type.
    public async Task<AppRegistration?> OwnerOfAsync(string actorType, string actorId, CancellationToken cancellationToken) =>
        ActorPlacement.OwnerOf(await HostsOfAsync(actorType, cancellationToken), actorType, actorId);

    public bool IsSelf(AppRegistration registration) => registration.InstanceId == identity.InstanceId;

    // The app-id that prefixes the type's state and reminder keys: this app when it hosts the type (the usual case:
    // an actor's own runtime calls its own sidecar), else the hosting app.
    public async Task<string> KeyAppIdAsync(string actorType, CancellationToken cancellationToken)
    {
        if (registrar.Config.Hosts(actorType))
        {
            return identity.AppId;
        }

        var hosts = await HostsOfAsync(actorType, cancellationToken);
        return hosts.Count > 0 ? hosts[0].AppId : identity.AppId;
    }

    private async Task<IReadOnlyList<AppRegistration>> HostsOfAsync(string actorType, CancellationToken cancellationToken)
    {
        var hosts = await directory.FindActorHostsAsync(actorType, cancellationToken);
        if (hosts.Count == 0)
        {
            // The cache may predate a host that just registered.
            directory.Invalidate();
            hosts = await directory.FindActorHostsAsync(actorType, cancellationToken);
        }

        return hosts;
    }
}
