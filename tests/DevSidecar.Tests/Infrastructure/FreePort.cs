using System.Net;
using System.Net.Sockets;

namespace AvatarStream.DevSidecar.Tests.Infrastructure;

// A loopback port that was free a moment ago. Only for what must be known before anything binds (an app's sidecar
// endpoint); callers retry when they lose the race.
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
