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
// (client id, v2 session and secret, auth subprotocol, internal token) may appear in full in any line printed.
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
        _secrets.Add(RouterInstances.DevelopmentToken(RepositoryRoot.Find()));
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

    // The v1 form of the API: create and join without options, one socket per credential form, a relayed text.
    private async Task V1RoomAsync()
    {
        var creator = await PostAsync("create-room", null);
        var first = await PostAsync("join-room", JsonContent.Create(new Dictionary<string, string> { ["room_id"] = creator.RoomId }));
        var second = await PostAsync("join-room", JsonContent.Create(new Dictionary<string, string> { ["room_id"] = creator.RoomId }));

        using var byQuery = await V1Sockets.ByQueryAsync(creator.StreamUrl, creator.RoomId, creator.ClientId);
        var (bySubprotocol, auth) = await V1Sockets.BySubprotocolAsync(first.StreamUrl, first.RoomId, first.ClientId);
        _secrets.Add(auth);
        using var _ = bySubprotocol;
        using var bySeedHeader = await V1Sockets.BySeedHeaderAsync(second.StreamUrl, second.RoomId, second.ClientId);

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

        var bobTicket = Keep(await router.JoinRoomAsync(hostTicket.RoomId, name: "Bob"));
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

        // The rotated-out secret again, on a socket of its own: refused as a resume, answered with a fresh welcome.
        var replayAuth = StreamAuth.Encode(new StreamCredentials(bobTicket.RoomId, bobTicket.ClientId, stale));
        _secrets.Add(replayAuth);
        using var replay = new ClientWebSocket();
        replay.Options.AddSubProtocol(StreamProtocol.V2);
        replay.Options.AddSubProtocol(replayAuth);
        using var timeout = new CancellationTokenSource(TestMember.Patience);
        await replay.ConnectAsync(new Uri(bobTicket.StreamUrl), timeout.Token);
        var buffer = new byte[64 * 1024];
        var first = await replay.ReceiveAsync(buffer, timeout.Token);
        var again = JsonDocument.Parse(buffer.AsMemory(0, first.Count)).RootElement;
        Assert.Equal("welcome", again.GetProperty("type").GetString());
        _secrets.Add(again.GetProperty("session").GetString()!);
        _secrets.Add(again.GetProperty("resume").GetProperty("secret").GetString()!);
        Assert.NotEqual(welcome.Session, again.GetProperty("session").GetString());
    }

    // A join of a room that does not exist, and a pair no instance knows, on each credential form that can carry one.
    private async Task RefusalsAsync()
    {
        var router = new RoomRouterClient(_http!);
        var ticket = Keep(await router.CreateRoomAsync());
        await Assert.ThrowsAsync<RoomRouterException>(() => router.JoinRoomAsync(ticket.RoomId == "99999" ? "99998" : "99999"));

        var unknown = Guid.NewGuid().ToString("D");
        _secrets.Add(unknown);
        Assert.Equal(HttpStatusCode.Unauthorized, await V1Sockets.RefusedStatusAsync(new Uri($"{ticket.StreamUrl}?room_id={ticket.RoomId}&client_id={unknown}")));
    }

    private async Task<RoomTicket> PostAsync(string path, HttpContent? body)
    {
        using var response = await _http!.PostAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}\n{_host!.Output()}");
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        return Keep(new RoomTicket(answer.GetProperty("room_id").GetString()!, answer.GetProperty("client_id").GetString()!, answer.GetProperty("stream_url").GetString()!, "", []));
    }

    private RoomTicket Keep(RoomTicket ticket)
    {
        _secrets.Add(ticket.ClientId);
        return ticket;
    }

    private Welcome Keep(TestMember member, Welcome welcome)
    {
        _secrets.Add(welcome.Session);
        _secrets.Add(welcome.Resume.Secret);
        _secrets.Add(StreamAuth.Encode(new StreamCredentials(member.Ticket.RoomId, member.Ticket.ClientId)));
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
