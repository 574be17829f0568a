using AvatarStream.Contracts;
using Dapr.Client;

namespace AvatarStream.StreamService.Security;

/// <summary>Reads the token from the Dapr secret store once, then keeps it for the life of the process.</summary>
internal sealed class DaprInternalTokenSource(DaprClient dapr) : IInternalTokenSource
{
    private string? _token;

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_token is { } token)
        {
            return token;
        }

        var secret = await dapr.GetSecretAsync(DaprNames.SecretStore, DaprNames.InternalTokenKey, cancellationToken: cancellationToken);
        if (!secret.TryGetValue(DaprNames.InternalTokenKey, out var value) || string.IsNullOrEmpty(value))
        {
            throw new InvalidOperationException($"Secret '{DaprNames.InternalTokenKey}' is missing from '{DaprNames.SecretStore}'.");
        }

        return _token = value;
    }
}
