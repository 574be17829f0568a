using System.Net;
using System.Net.Sockets;

namespace AvatarStream.Testing;

// Loopback ports for what must be known before anything binds (a sidecar's endpoints, a whole local topology).
// A port is only free at the moment it is asked about: callers start over when they lose the race.
// One source file, linked into each project that needs it, so none of them takes a project reference for it.
internal static class LoopbackPorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
