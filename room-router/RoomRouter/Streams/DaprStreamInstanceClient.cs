using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Options;
using AvatarStream.ServiceDefaults.InternalAuth;
using Dapr.Client;
using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Streams;

/// <summary><c>/register</c> by Dapr service invocation to the instance's app-id, with the internal bearer token.</summary>
internal sealed class DaprStreamInstanceClient(
    DaprClient dapr,
    IInternalTokenSource tokens,
    IOptionsMonitor<RoomsOptions> options,
    ILogger<DaprStreamInstanceClient> logger) : IStreamInstanceClient, IDisposable
{
    // One HttpClient per app-id for the life of the process: each owns a handler, and creating one per call
    // would exhaust sockets under load.
    private readonly ConcurrentDictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    public async Task<bool> RegisterAsync(string instanceId, RegisterRequest request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.CurrentValue.RegisterTimeout);
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, "/register")
            {
                Content = JsonContent.Create(request, options: ContractJson.Options),
            };
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(timeout.Token));
            using var response = await _clients.GetOrAdd(instanceId, dapr.CreateInvokableHttpClient).SendAsync(message, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            RouterLog.RegisterFailed(logger, request.RoomId, instanceId, $"status {(int)response.StatusCode}");
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            RouterLog.RegisterFailed(logger, request.RoomId, instanceId, "timed out");
            return false;
        }
        catch (HttpRequestException exception)
        {
            RouterLog.RegisterFailed(logger, request.RoomId, instanceId, exception.Message);
            return false;
        }
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
