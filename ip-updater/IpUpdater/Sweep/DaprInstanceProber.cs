using System.Collections.Concurrent;
using Dapr.Client;
using Microsoft.Extensions.Options;

namespace AvatarStream.IpUpdater.Sweep;

/// <summary>Probes an instance's <c>/health</c> by service invocation to its app-id, with a short timeout.</summary>
public sealed class DaprInstanceProber(DaprClient dapr, IOptions<SweepOptions> options) : IInstanceProber
{
    private readonly ConcurrentDictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    public async Task<bool> IsHealthyAsync(string instanceId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.ProbeTimeout);
        try
        {
            var client = _clients.GetOrAdd(instanceId, dapr.CreateInvokableHttpClient);
            using var response = await client.GetAsync("/health", timeout.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
