using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using AvatarStream.Client;
using AvatarStream.Client.Messages;
using AvatarStream.Contracts;
using AvatarStream.DevHost;
using AvatarStream.EndToEnd.Tests.ProtocolV2;
using AvatarStream.Tests.Shared;

namespace AvatarStream.EndToEnd.Tests.Logs;

// A whole session against the local run with every app, sidecar and the framework logging at Trace: no credential
// (client id, join key, ticket, v2 session and secret, auth subprotocol, internal token, ticket key) may appear in
// full in any line printed.
public sealed class LogSecretsTests : IAsyncLifetime
{
    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);
    private DevHostProcess? _host;
    private HttpClient? _http;

    public async Task InitializeAsync()
    {
        // Trace everywhere slows the run on a shared machine: a register cut off at the production 2 s answers 503.
        // An operator asking for the apps' request lines by configuration gets them only without credentials.
        _host = await DevHostProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["Rooms__RegisterTimeout"] = "00:00:10",
                ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
            },
            "--log-level",
            "trace");
        _http = new HttpClient { BaseAddress = new Uri(_host.BaseUrl + "/"), Timeout = TimeSpan.FromSeconds(15) };
        var root = RepositoryRoot.Find();
        _secrets.Add(RouterInstances.DevelopmentToken(root));
        using var secrets = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "components", "secrets.dev.json")));
        _secrets.Add(secrets.RootElement.GetProperty(DaprNames.TicketKeyKey).GetString()!);
    }

    [Fact]
    public async Task NoCredentialOfAWholeSessionIsLogged()
    {
        await V1RoomAsync();
        await V2RoomAsync();
        await RefusalsAsync();

        // Stopped first, so what shutdown prints is checked too and every line has been read.
        var host = _host!;
        _host = null;
        await host.DisposeAsync();
        var lines = host.Lines();

        // Not vacuous: the services' and the sidecars' framework lines were on.
        Assert.Contains(lines, line => line.StartsWith("trce: ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("Microsoft.AspNetCore", StringComparison.Ordinal));
        var leaks = lines
            .SelectMany((line, number) => _secrets.Where(s => line.Contains(s, StringComparison.Ordinal)).Select(s => $"line {number}: {line}"))
            .ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} lines carry a credential in full:\n{string.Join('\n', leaks.Take(40))}");
    }

    // The v1 form of the API: create, and join with the key, one socket per ticket form, a relayed text.
    private async Task V1RoomAsync()
    {
        var creator = await PostAsync("create-room", null);
        var invited = new Dictionary<string, string> { ["room_id"] = creator.RoomId, ["key"] = creator.JoinKey! };
        var first = await PostAsync("join-room", JsonContent.Create(invited));
        var second = await PostAsync("join-room", JsonContent.Create(invited));

        using var byQuery = await V1Sockets.ByQueryAsync(creator.StreamUrl, creator.Ticket);
        var (bySubprotocol, auth) = await V1Sockets.BySubprotocolAsync(first.StreamUrl, first.Ticket);
        _secrets.Add(auth);
        using var _ = bySubprotocol;
        using var bySeedHeader = await V1Sockets.BySeedHeaderAsync(second.StreamUrl, second.Ticket);

        await V1Sockets.SendTextAsync(byQuery, "hello v1");
        Assert.Equal("hello v1", await V1Sockets.ReceiveTextAsync(bySubprotocol));
        Assert.Equal("hello v1", await V1Sockets.ReceiveTextAsync(bySeedHeader));
    }

    // v2 through the client library: a host and a member, data both ways, an abrupt drop resumed, the stale secret
    // presented again.
    private async Task V2RoomAsync()
    {
        var router = new RoomRouterClient(_http!);
        var hostTicket = Keep(await router.CreateRoomAsync());
        await using var host = await TestMember.ConnectAsync(hostTicket);
        Keep(host, await host.NextAsync<Welcome>());

        var bobTicket = Keep(await router.JoinRoomAsync(hostTicket.RoomId, name: "Bob", key: hostTicket.JoinKey));
        await using var relay = new TcpRelay(new Uri(bobTicket.StreamUrl));
        await using var bob = await TestMember.ConnectAsync(bobTicket with { StreamUrl = relay.Url });
        var welcome = Keep(bob, await bob.NextAsync<Welcome>());
        await host.NextAsync<MemberJoined>();

        await host.SendAsync(new SendData(JsonDocument.Parse("""{"hi":"bob"}""").RootElement));
        await bob.NextAsync<DataReceived>();
        await bob.SendAsync(new SendData(JsonDocument.Parse("""{"hi":"host"}""").RootElement));
        await host.NextAsync<DataReceived>();

        var stale = bob.Connection.ResumeToken!;
        relay.CutAll();
        await ResumeTests.StateAsync(bob, ConnectionState.Reconnecting);
        Assert.True((await ResumeTests.StateAsync(bob, ConnectionState.Live)).Recovered);
        Keep(await bob.NextAsync<Resumed>());
        Keep(bob.Connection.ResumeToken!);

        // The rotated-out secret alone, and the spent ticket again, each on a socket of its own: both refused.
        var staleAuth = StreamAuth.Encode(new StreamCredentials(null, bobTicket.RoomId, stale));
        var spentAuth = StreamAuth.Encode(new StreamCredentials(bobTicket.Ticket));
        _secrets.Add(staleAuth);
        _secrets.Add(spentAuth);
        Assert.Equal(HttpStatusCode.Unauthorized, await RefusedV2StatusAsync(bobTicket.StreamUrl, staleAuth));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefusedV2StatusAsync(bobTicket.StreamUrl, spentAuth));
        Assert.NotEqual(stale.Secret, bob.Connection.ResumeToken!.Secret);
        Assert.NotNull(welcome);
    }

    private static async Task<HttpStatusCode> RefusedV2StatusAsync(string streamUrl, string auth)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.AddSubProtocol(StreamProtocol.V2);
        socket.Options.AddSubProtocol(auth);
        using var timeout = new CancellationTokenSource(TestMember.Patience);
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(streamUrl), timeout.Token));
        return socket.HttpStatusCode;
    }

    // A join of a room that does not exist, a wrong key, a client id shown to an instance, a forged ticket.
    private async Task RefusalsAsync()
    {
        var router = new RoomRouterClient(_http!);
        var ticket = Keep(await router.CreateRoomAsync());
        await Assert.ThrowsAsync<RoomRouterException>(() => router.JoinRoomAsync(ticket.RoomId == "99999" ? "99998" : "99999"));
        var wrongKey = "a-wrong-key-that-is-long-" + Guid.NewGuid().ToString("N");
        _secrets.Add(wrongKey);
        await Assert.ThrowsAsync<RoomRouterException>(() => router.JoinRoomAsync(ticket.RoomId, key: wrongKey));
        var forged = ticket.Ticket[..^4] + "AAAA";
        _secrets.Add(forged);
        Assert.Equal(HttpStatusCode.Unauthorized, await V1Sockets.RefusedStatusAsync(new Uri($"{ticket.StreamUrl}?ticket={forged}")));

        var unknown = Guid.NewGuid().ToString("D");
        _secrets.Add(unknown);
        Assert.Equal(HttpStatusCode.Unauthorized, await V1Sockets.RefusedStatusAsync(new Uri($"{ticket.StreamUrl}?room_id={ticket.RoomId}&client_id={unknown}")));
    }

    private async Task<RoomTicket> PostAsync(string path, HttpContent? body)
    {
        using var response = await _http!.PostAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}\n{_host!.Output()}");
        return Keep((await response.Content.ReadFromJsonAsync<RoomTicket>(ContractJson.Options))!);
    }

    private RoomTicket Keep(RoomTicket ticket)
    {
        _secrets.Add(ticket.ClientId);
        _secrets.Add(ticket.Ticket);
        if (ticket.JoinKey is { } key)
        {
            _secrets.Add(key);
        }

        return ticket;
    }

    private Welcome Keep(TestMember member, Welcome welcome)
    {
        _secrets.Add(welcome.Session);
        _secrets.Add(welcome.Resume.Secret);
        _secrets.Add(StreamAuth.Encode(new StreamCredentials(member.Ticket.Ticket)));
        return welcome;
    }

    private void Keep(Resumed resumed) => _secrets.Add(resumed.Resume.Secret);

    private void Keep(ResumeToken token)
    {
        _secrets.Add(token.Session);
        _secrets.Add(token.Secret);
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
