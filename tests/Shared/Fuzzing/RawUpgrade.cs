using System.Net.Sockets;
using System.Text;

namespace AvatarStream.Testing.Fuzzing;

// Sends an upgrade attempt over a plain TCP connection and reads the status line of the answer: a client library would
// refuse to send most malformed forms. The connection is dropped right after, a 101 included.
public static class RawUpgrade
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static async Task<int> StatusAsync(Uri server, UpgradeAttempt attempt)
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port, timeout.Token);
        var stream = tcp.GetStream();
        var request = new StringBuilder()
            .Append("GET ").Append(OneLine(attempt.Target)).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(server.Authority).Append("\r\n")
            .Append("Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n")
            .Append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n");
        foreach (var header in attempt.ProtocolHeaders)
        {
            request.Append("Sec-WebSocket-Protocol: ").Append(OneLine(header)).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.Append("\r\n").ToString()), timeout.Token);
        return await ReadStatusAsync(stream, timeout.Token);
    }

    // CR and LF would split the attempt into other requests or headers than the one generated.
    private static string OneLine(string text) => text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);

    // "HTTP/1.1 101 Switching Protocols": the three digits after the first space.
    private static async Task<int> ReadStatusAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (line.Count < 200 && (line.Count == 0 || line[^1] != '\n'))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                throw new IOException($"the server closed the connection after \"{Encoding.ASCII.GetString([.. line])}\"");
            }

            line.Add(one[0]);
        }

        var text = Encoding.ASCII.GetString([.. line]);
        return int.Parse(text.AsSpan(text.IndexOf(' ', StringComparison.Ordinal) + 1, 3), System.Globalization.CultureInfo.InvariantCulture);
    }
}
