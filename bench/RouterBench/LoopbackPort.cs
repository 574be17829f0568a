using System.Net;
using System.Net.Sockets;

namespace AvatarStream.RouterBench;

// A loopback port that was free a moment ago: the router's sidecar ports must be known before the router starts.
internal static class LoopbackPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
