using System.Net;
using System.Net.Sockets;

namespace AvatarStream.Testing;

// Loopback ports for what must be known before anything binds (a sidecar's endpoints, a whole local topology).
// A port is only free at the moment it is asked about: callers start over when they lose the race.
// One source file, linked into each project that needs it, so none of them takes a project reference for it.
internal static class LoopbackPorts
{
    // Below Linux's ephemeral range (32768 and up) and the devhost topologies' 20000-29999: a port the kernel handed out
    // for port 0 is an ephemeral one, which any outgoing connection may take as its source port before the caller binds it.
    private const int First = 10000;
    private const int Last = 19999;

    public static int Next()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(First, Last + 1);
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"no free loopback port in {First}-{Last} found in 100 tries");
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
