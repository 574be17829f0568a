using System.Net;
using System.Net.Sockets;

namespace AvatarStream.RoomRouter.Tests.Integration.Harness;

// A loopback port that was free a moment ago, for the one thing that must be known before anything binds: the
// router's sidecar endpoints, which its actor runtime reads at start. Callers start over when they lose the race.
public static class LoopbackPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
