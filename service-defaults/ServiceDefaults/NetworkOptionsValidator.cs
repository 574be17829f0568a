using Microsoft.Extensions.Options;

namespace AvatarStream.ServiceDefaults;

// A mistyped proxy would silently make every client behind it one address: refuse to start instead.
internal sealed class NetworkOptionsValidator : IValidateOptions<NetworkOptions>
{
    public ValidateOptionsResult Validate(string? name, NetworkOptions options) =>
        TrustedProxies.Invalid(options.TrustedProxies).ToList() is { Count: > 0 } bad
            ? ValidateOptionsResult.Fail(
                $"Network:TrustedProxies entries must be IP addresses or CIDR networks (e.g. 10.0.0.0/8); got {string.Join(", ", bad.Select(b => $"'{b}'"))}.")
            : ValidateOptionsResult.Success;
}
