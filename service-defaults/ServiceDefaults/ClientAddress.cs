using System.Net;
using Microsoft.AspNetCore.Http;

namespace AvatarStream.ServiceDefaults;

/// <summary>The key per-address rate limits partition on (after the forwarded headers of trusted proxies).</summary>
public static class ClientAddress
{
    // One IPv6 subscriber usually holds a whole /64; keying on single addresses would let it rotate past any limit.
    private const int Ipv6PrefixLength = 64;

    public static string PartitionKey(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null)
        {
            // No IP peer (an in-memory test server, a Unix socket): all such requests share one budget.
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? new IPNetwork(Prefix(address), Ipv6PrefixLength).ToString()
            : address.ToString();
    }

    private static IPAddress Prefix(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, Ipv6PrefixLength / 8, bytes.Length - (Ipv6PrefixLength / 8));
        return new IPAddress(bytes);
    }
}
