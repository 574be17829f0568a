using AvatarStream.Contracts;
using Dapr.Client;

namespace AvatarStream.ServiceDefaults.InternalAuth;

/// <summary>
/// Reads a <see cref="RotatingSecret"/> from the Dapr secret store (by default <c>internal-token</c>: key
/// <c>internal-token</c> is the current token, the optional key <c>internal-token-next</c> the next one). Both come from one read, so a swap of the two values is
/// seen whole. The answer is kept a minute, so a rotation step is picked up without a restart; a refused call may
/// read again sooner. A failed read is not cached: a sidecar that starts after the app is found on the next call.
/// </summary>
public sealed class DaprSecretTokenSource : IInternalTokenSource
{
    /// <summary>How long one read is kept; a rotation step waits longer than this before the next one.</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);

    // A forced read at most this often: callers with wrong tokens must not be able to flood the secret store.
    private static readonly TimeSpan RefreshGap = TimeSpan.FromSeconds(5);

    private readonly Func<CancellationToken, Task<Dictionary<string, string>>> _readSecret;
    private readonly TimeProvider _clock;
    private readonly RotatingSecret _secret;
    private Cached? _cached;

    public DaprSecretTokenSource(DaprClient dapr, TimeProvider clock)
        : this(dapr, clock, RotatingSecret.InternalToken)
    {
    }

    public DaprSecretTokenSource(DaprClient dapr, TimeProvider clock, RotatingSecret secret)
        : this(ct => dapr.GetSecretAsync(DaprNames.SecretStore, secret.Name, cancellationToken: ct), clock, secret)
    {
    }

    /// <summary>Over any reader of the secret's keys, as the store would answer them (tests change the answer).</summary>
    public DaprSecretTokenSource(Func<CancellationToken, Task<Dictionary<string, string>>> readSecret, TimeProvider clock, RotatingSecret? secret = null)
    {
        _readSecret = readSecret;
        _clock = clock;
        _secret = secret ?? RotatingSecret.InternalToken;
    }

    public async ValueTask<InternalTokens> GetAsync(bool refresh, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _cached) is { } hit && _clock.GetElapsedTime(hit.ReadAt) < (refresh ? RefreshGap : KeepFor))
        {
            return hit.Tokens;
        }

        var secret = await _readSecret(cancellationToken);
        var current = secret.GetValueOrDefault(_secret.CurrentKey);
        if (string.IsNullOrEmpty(current))
        {
            throw new SecretUnusableException($"secret '{_secret.Name}' in store '{DaprNames.SecretStore}' has no '{_secret.CurrentKey}'");
        }

        var tokens = new InternalTokens(current, secret.GetValueOrDefault(_secret.NextKey));
        Volatile.Write(ref _cached, new Cached(tokens, _clock.GetTimestamp()));
        return tokens;
    }

    private sealed record Cached(InternalTokens Tokens, long ReadAt);
}
