using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace AvatarStream.ServiceDefaults;

/// <summary>
/// The client address of a request: X-Forwarded-For from a proxy in Network:TrustedProxies, else the connection's peer.
/// </summary>
public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<NetworkOptions>().BindConfiguration(NetworkOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NetworkOptions>, NetworkOptionsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<NetworkOptions>>((forwarded, network) =>
        {
            // With no known proxy at all the middleware would believe every peer: without one, read no header.
            forwarded.ForwardedHeaders = network.Value.TrustedProxies.Length == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor;
            // The framework trusts loopback by default; only what is configured is trusted here.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            // Walk back through every trusted hop (ingress behind a load balancer); the walk stops at the first
            // address that is not a trusted proxy, so a client cannot prepend addresses of its choosing.
            forwarded.ForwardLimit = null;
            foreach (var entry in network.Value.TrustedProxies)
            {
                if (IPAddress.TryParse(entry, out var address))
                {
                    forwarded.KnownProxies.Add(address);
                }
                else
                {
                    forwarded.KnownIPNetworks.Add(IPNetwork.Parse(entry));
                }
            }
        });
        return services;
    }

    /// <summary>The entries that are neither an IP address nor a CIDR network.</summary>
    public static IEnumerable<string> Invalid(IEnumerable<string> entries) =>
        entries.Where(entry => !IPAddress.TryParse(entry, out _) && !IsNetwork(entry));

    // 10.0.0.1/8 parses (as 10.0.0.0/8), but is more likely a typo for one address than a network: refuse it.
    private static bool IsNetwork(string entry) =>
        IPNetwork.TryParse(entry, out var network) && IPAddress.TryParse(entry.Split('/')[0], out var written) && network.BaseAddress.Equals(written);
}
