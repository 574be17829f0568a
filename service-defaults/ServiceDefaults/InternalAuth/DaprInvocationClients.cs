using System.Collections.Concurrent;
using Dapr.Client;

namespace AvatarStream.ServiceDefaults.InternalAuth;

/// <summary>
/// One Dapr service-invocation <see cref="HttpClient"/> per app-id, kept for the life of the process: each owns a
/// handler, and creating one per call would exhaust sockets under load.
/// </summary>
public sealed class DaprInvocationClients(DaprClient dapr) : IDisposable
{
    private readonly ConcurrentDictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    /// <summary>The client whose relative request paths reach the methods of <paramref name="appId"/>.</summary>
    public HttpClient For(string appId) => _clients.GetOrAdd(appId, dapr.CreateInvokableHttpClient);

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
