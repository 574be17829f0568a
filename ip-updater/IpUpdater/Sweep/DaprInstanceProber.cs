using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults.InternalAuth;
using Microsoft.Extensions.Options;

namespace AvatarStream.IpUpdater.Sweep;

// Probes an instance's /health by service invocation to its app-id, with a short timeout.
public sealed class DaprInstanceProber(DaprInvocationClients clients, IOptions<SweepOptions> options) : IInstanceProber
{
    public async Task<bool> IsHealthyAsync(string instanceId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.ProbeTimeout);
        try
        {
            using var response = await clients.For(instanceId).GetAsync(InternalRoutes.Health, timeout.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
