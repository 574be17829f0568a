using AvatarStream.ServiceDefaults.InternalAuth;
using Dapr.Client;

namespace AvatarStream.ServiceDefaults.Tickets;

/// <summary>
/// Secret <c>ticket-key</c> of the Dapr secret store, read and kept as the internal token is (a minute, sooner after a
/// miss), with keys <c>ticket-key</c> (current) and <c>ticket-key-next</c> (during a rotation).
/// </summary>
public sealed class DaprTicketKeySource : ITicketKeySource
{
    private readonly DaprSecretTokenSource _secret;
    private Derived? _last;

    public DaprTicketKeySource(DaprClient dapr, TimeProvider clock)
        : this(new DaprSecretTokenSource(dapr, clock, RotatingSecret.TicketKey))
    {
    }

    /// <summary>Over a reader of the secret (tests change its answer).</summary>
    public DaprTicketKeySource(DaprSecretTokenSource secret) => _secret = secret;

    public async ValueTask<TicketKeys> GetAsync(bool refresh, CancellationToken cancellationToken)
    {
        var read = await _secret.GetAsync(refresh, cancellationToken);

        // The same read gives the same keys: their derivation runs once per read, not once per ticket.
        if (Volatile.Read(ref _last) is { } last && ReferenceEquals(last.Read, read))
        {
            return last.Keys;
        }

        var keys = new TicketKeys(Key(read.Current, RotatingSecret.TicketKey.CurrentKey), read.Next is { } next ? Key(next, RotatingSecret.TicketKey.NextKey) : null);
        Volatile.Write(ref _last, new Derived(read, keys));
        return keys;
    }

    private static TicketKey Key(string secret, string name) =>
        secret.Length >= TicketKey.MinLength
            ? new TicketKey(secret)
            : throw new SecretUnusableException($"key '{name}' of secret '{RotatingSecret.TicketKey.Name}' must have at least {TicketKey.MinLength} characters");

    private sealed record Derived(InternalTokens Read, TicketKeys Keys);
}
