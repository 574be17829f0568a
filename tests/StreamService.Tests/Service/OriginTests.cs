using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using AvatarStream.ServiceDefaults;
using AvatarStream.StreamService.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AvatarStream.StreamService.Tests.Service;

// A web page may open a socket only from an allowed origin (the room router's page); clients without an Origin
// header (native clients, the .NET client library) always may.
public sealed class OriginTests
{
    private const string PageOrigin = "http://127.0.0.1:5000";

    [Fact(Timeout = 30_000)]
    public async Task CrossOriginUpgradeIsRefusedWith403BeforeTheUpgrade()
    {
        await using var app = new StreamServiceFactory(("Stream:AllowedOrigins:0", PageOrigin));
        var clientId = ClientIds.New();
        await app.RegisterAsync("00157", clientId);

        using var client = new ClientWebSocket();
        client.Options.CollectHttpResponseDetails = true;
        client.Options.SetRequestHeader("Origin", "https://evil.example");
        using var cts = new CancellationTokenSource(TestSocket.DefaultTimeout);
        await Assert.ThrowsAsync<WebSocketException>(() => client.ConnectAsync(app.SocketUri("00157", clientId), cts.Token));

        Assert.Equal(HttpStatusCode.Forbidden, client.HttpStatusCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task CrossOriginRequestAnswersTheOriginProblem()
    {
        await using var app = new StreamServiceFactory();
        using var http = app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Origin", PageOrigin);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ProblemTypes.OriginNotAllowed, (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Type);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(null)]
    [InlineData(PageOrigin)]
    [InlineData("self")]
    public async Task AllowedSameOrNoOriginUpgrades(string? origin)
    {
        await using var app = new StreamServiceFactory(("Stream:AllowedOrigins:0", PageOrigin + "/"));
        using var alice = await app.JoinAsync("00157");
        var clientId = ClientIds.New();
        await app.RegisterAsync("00157", clientId);
        var sent = origin == "self" ? $"http://{app.Address.Authority}" : origin;

        using var bob = await TestSocket.ConnectAsync(app.SocketUri("00157", clientId), clientId, options =>
        {
            if (sent is not null)
            {
                options.SetRequestHeader("Origin", sent);
            }
        });

        await alice.SendTextAsync("hi");
        Assert.Equal("hi", Encoding.UTF8.GetString((await bob.ReceiveAsync()).Payload));
    }
}
