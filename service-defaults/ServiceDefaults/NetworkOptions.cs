namespace AvatarStream.ServiceDefaults;

/// <summary>Where requests come from (section Network).</summary>
public sealed class NetworkOptions
{
    public const string Section = "Network";

    /// <summary>
    /// Proxies (IP addresses, or CIDR networks such as 10.0.0.0/8) whose X-Forwarded-For is believed. Empty: none, and
    /// the peer of the connection is the client. Per-address rate limits key on that client, so a proxy not listed
    /// here makes every client behind it one address, and a peer listed here that is no proxy lets anyone pick theirs.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];
}
