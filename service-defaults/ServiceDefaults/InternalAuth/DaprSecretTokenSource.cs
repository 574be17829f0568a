using AvatarStream.Contracts;
using Dapr.Client;

namespace AvatarStream.ServiceDefaults.InternalAuth;

/// <summary>
/// Reads <c>internal-token</c> from the Dapr secret store and keeps it a few minutes, so a rotated secret is picked
/// up. A failed read is not cached: a sidecar that starts after the app is found on the next call.
/// </summary>
public sealed class DaprSecretTokenSource(DaprClient dapr, TimeProvider clock) : IInternalTokenSource
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(5);

    private CachedToken? _cached;

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _cached) is { } hit && clock.GetElapsedTime(hit.ReadAt) < KeepFor)
        {
            return hit.Token;
        }

        var secret = await dapr.GetSecretAsync(DaprNames.SecretStore, DaprNames.InternalTokenKey, cancellationToken: cancellationToken);
        var token = secret.GetValueOrDefault(DaprNames.InternalTokenKey);
        if (string.IsNullOrEmpty(token))
        {
            throw new InvalidOperationException($"secret '{DaprNames.InternalTokenKey}' in store '{DaprNames.SecretStore}' is empty");
        }

        Volatile.Write(ref _cached, new CachedToken(token, clock.GetTimestamp()));
        return token;
    }

    private sealed record CachedToken(string Token, long ReadAt);
}
