using AvatarStream.Contracts;
using Dapr.Client;

namespace AvatarStream.RoomRouter.Security;

/// <summary>Reads the token from the Dapr secret store and keeps it a few minutes, so a rotated secret is picked up.</summary>
internal sealed class DaprInternalTokenSource(DaprClient dapr, TimeProvider clock) : IInternalTokenSource
{
    static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(5);

    CachedToken? cached;

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref cached) is { } hit && clock.GetElapsedTime(hit.ReadAt) < KeepFor)
        {
            return hit.Token;
        }

        var secret = await dapr.GetSecretAsync(DaprNames.SecretStore, DaprNames.InternalTokenKey, cancellationToken: cancellationToken);
        var token = secret.GetValueOrDefault(DaprNames.InternalTokenKey);
        if (string.IsNullOrEmpty(token))
        {
            throw new InvalidOperationException($"Secret '{DaprNames.InternalTokenKey}' in '{DaprNames.SecretStore}' is empty.");
        }

        Volatile.Write(ref cached, new CachedToken(token, clock.GetTimestamp()));
        return token;
    }

    sealed record CachedToken(string Token, long ReadAt);
}
