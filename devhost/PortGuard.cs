using System.Net.Sockets;

namespace AvatarStream.DevHost;

// Turns "address already in use" into a message that names the port and the way out.
public static class PortGuard
{
    public static async Task<T> StartAsync<T>(int port, int? otherPort, Func<Task<T>> start)
    {
        try
        {
            return await start();
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            var ports = otherPort is { } other ? $"{port} or {other}" : port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            throw new PortInUseException(
                $"port {ports} is already in use. Is another devhost running? Stop it (Ctrl+C), or find the owner with `ss -ltnp | grep :{port}`.", e);
        }
    }
}

public sealed class PortInUseException(string message, Exception inner) : Exception(message, inner);
