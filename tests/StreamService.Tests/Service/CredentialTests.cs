using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using AvatarStream.StreamService.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace AvatarStream.StreamService.Tests.Service;

public sealed class CredentialTests
{
    [Fact(Timeout = 30_000)]
    public async Task AuthSubprotocolIsAcceptedAndV1IsSelected()
    {
        await using var app = new StreamServiceFactory();
        using var alice = await app.JoinAsync("00157");
        var clientId = ClientIds.New();
        await app.RegisterAsync("00157", clientId);
        var auth = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($$"""{"ticket":"{{TestTickets.For("00157", clientId)}}"}"""));

        using var bob = await TestSocket.ConnectAsync(new Uri($"ws://{app.Address.Authority}/"), clientId, options =>
        {
            options.AddSubProtocol("avatar-stream.v1");
            options.AddSubProtocol("avatar-stream.auth." + auth);
        });

        Assert.Equal("avatar-stream.v1", bob.Socket.SubProtocol);
        await alice.SendTextAsync("hi bob");
        Assert.Equal("hi bob", Encoding.UTF8.GetString((await bob.ReceiveAsync()).Payload));
    }

    [Fact(Timeout = 30_000)]
    public async Task SeedRawProtocolHeaderIsAcceptedAndEchoed()
    {
        await using var app = new StreamServiceFactory();
        using var alice = await app.JoinAsync("00157");
        var clientId = ClientIds.New();
        await app.RegisterAsync("00157", clientId);
        var raw = $"{{room_id: 00157, ticket: {TestTickets.For("00157", clientId)}}}";

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, app.Address.Port);
        var stream = tcp.GetStream();
        var (status, headers) = await RawHandshakeAsync(stream, app.Address.Authority, raw);

        Assert.Equal(101, status);
        Assert.Equal(raw, headers["sec-websocket-protocol"]);
        using var bob = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = false });
        await alice.SendTextAsync("hi seed client");
        var buffer = new byte[256];
        using var cts = new CancellationTokenSource(TestSocket.DefaultTimeout);
        var result = await bob.ReceiveAsync(buffer, cts.Token);
        Assert.Equal("hi seed client", Encoding.UTF8.GetString(buffer, 0, result.Count));
    }

    [Theory(Timeout = 30_000)]
    [InlineData($$"""?room_id=00157&client_id={{ClientIds.Fixed}}""")]
    [InlineData("?room_id=00157")]
    [InlineData("?room_id=00157&client_id=has%20space")]
    [InlineData("?room_id=00157&client_id=not-a-uuid")]
    [InlineData($$"""?room_id=123456&client_id={{ClientIds.Fixed}}""")]
    [InlineData("")]
    public async Task UnknownMissingOrMalformedPairIsRefusedWith401BeforeUpgrade(string query)
    {
        await using var app = new StreamServiceFactory();
        await app.RegisterAsync("00157", ClientIds.New());

        Assert.Equal(HttpStatusCode.Unauthorized, await Handshakes.RefusalAsync(new Uri($"ws://{app.Address.Authority}/{query}")));
    }

    [Fact(Timeout = 30_000)]
    public async Task PairOfAnotherRoomIsRefusedWith401()
    {
        await using var app = new StreamServiceFactory();
        var clientOfRoom1 = ClientIds.New();
        await app.RegisterAsync("00001", clientOfRoom1);
        await app.RegisterAsync("00002", ClientIds.New());

        Assert.Equal(HttpStatusCode.Unauthorized, await Handshakes.RefusalAsync(app.SocketUri("00002", clientOfRoom1)));
    }

    [Fact(Timeout = 30_000)]
    public async Task TheSeedHeaderWithAClientIdIsRefusedWith401()
    {
        await using var app = new StreamServiceFactory();
        var clientId = ClientIds.New();
        await app.RegisterAsync("00157", clientId);

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, app.Address.Port);
        var (status, _) = await RawHandshakeAsync(tcp.GetStream(), app.Address.Authority, $"{{room_id: 00157, client_id: {clientId}}}");

        Assert.Equal(401, status);
    }

    [Fact(Timeout = 30_000)]
    public async Task MalformedAuthSubprotocolIsRefusedWith401()
    {
        await using var app = new StreamServiceFactory();

        var status = await Handshakes.RefusalAsync(new Uri($"ws://{app.Address.Authority}/"), options =>
        {
            options.AddSubProtocol("avatar-stream.v1");
            options.AddSubProtocol("avatar-stream.auth.bm90LWpzb24");
        });

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact(Timeout = 30_000)]
    public async Task PlainGetWithoutUpgradeIsABadRequestProblem()
    {
        await using var app = new StreamServiceFactory();
        using var http = app.CreateHttpClient();

        using var response = await http.GetAsync("/?room_id=00157&client_id=x");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<(int Status, Dictionary<string, string> Headers)> RawHandshakeAsync(NetworkStream stream, string host, string protocol)
    {
        var key = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        var request = $"GET / HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: {protocol}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

        // Read byte by byte up to the blank line, so no WebSocket frame is consumed with the headers.
        var head = new StringBuilder();
        var one = new byte[1];
        using var cts = new CancellationTokenSource(TestSocket.DefaultTimeout);
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            Assert.Equal(1, await stream.ReadAsync(one, cts.Token));
            head.Append((char)one[0]);
        }

        var lines = head.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim());
        return (int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), headers);
    }
}
