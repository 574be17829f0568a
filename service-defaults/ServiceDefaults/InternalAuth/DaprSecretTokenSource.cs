using AvatarStream.Contracts;
using Dapr.Client;

namespace AvatarStream.ServiceDefaults.InternalAuth;

/// <summary>
/// Reads <c>internal-token</c> from the Dapr secret store once and keeps it. A failed read is not cached, so a
/// sidecar that starts after the app is picked up on the next call.
/// </summary>
public sealed class DaprSecretTokenSource(DaprClient dapr) : IInternalTokenSource
{
    readonly SemaphoreSlim _gate = new(1, 1);
    string? _token;

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        if (_token is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is null)
            {
                var secret = await dapr.GetSecretAsync(DaprNames.SecretStore, DaprNames.InternalTokenKey, cancellationToken: cancellationToken);
                _token = secret.TryGetValue(DaprNames.InternalTokenKey, out var value) && !string.IsNullOrEmpty(value)
                    ? value
                    : throw new InvalidOperationException($"secret '{DaprNames.InternalTokenKey}' in store '{DaprNames.SecretStore}' is empty");
            }

            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }
}
