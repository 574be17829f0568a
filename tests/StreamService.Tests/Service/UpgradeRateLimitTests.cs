using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using AvatarStream.ServiceDefaults;
using AvatarStream.StreamService.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AvatarStream.StreamService.Tests.Service;

// WebSocket upgrade attempts have a budget per client address, spent before the credentials are read. Test sockets
// all come from 127.0.0.1, so it is configured as the proxy and X-Forwarded-For names each client. The refill is one a
// minute, so no permit comes back while a test runs.
public sealed class UpgradeRateLimitTests
{
    private const string Flooder = "203.0.113.5";
    private const string Neighbour = "198.51.100.9";

    [Fact(Timeout = 30_000)]
    public async Task UpgradesBeyondTheBurst_Are429EvenWithValidCredentials_WhileAnotherAddressConnects()
    {
        await using var app = LimitedTo(burst: 3);
        var clientId = ClientIds.New();
        await app.RegisterAsync("00157", clientId);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await UpgradeAsync(app.SocketUri("00157", ClientIds.New()), Flooder));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await UpgradeAsync(app.SocketUri("00157", clientId), Flooder));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await UpgradeAsync(app.SocketUri("00157", clientId), Neighbour));
    }

    [Fact(Timeout = 30_000)]
    public async Task Refusal_IsARateLimitedProblemWithRetryAfter_AndIsCounted()
    {
        await using var app = LimitedTo(burst: 1);
        using var http = app.CreateHttpClient();

        using var first = await GetFromAsync(http, Flooder);
        using var second = await GetFromAsync(http, Flooder);

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(ProblemTypes.RateLimited, (await second.Content.ReadFromJsonAsync<ProblemDetails>())!.Type);
        Assert.True(second.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {second.Headers.RetryAfter}");
        var metrics = await http.GetStringAsync("/metrics");
        Assert.Contains("avatarstream_stream_rate_limited_total", metrics, StringComparison.Ordinal);
        Assert.Contains("limit=\"upgrade\"", metrics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Stream:UpgradesPerMinute", "0", "UpgradesPerMinute")]
    [InlineData("Stream:UpgradeBurst", "0", "UpgradeBurst")]
    [InlineData("Network:TrustedProxies:0", "ingress", "Network:TrustedProxies")]
    public async Task InvalidSetting_StopsStartUp_NamingIt(string key, string value, string named)
    {
        // Built and started as Program does (the Stream section is read while building, the rest on start): through the
        // factory a failed start races the entry point's disposal of the host.
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = StreamServiceApp.Build(
                ["--Stream:InstanceId=stream-test", "--Stream:PublicUrl=ws://127.0.0.1:1/", $"--{key}={value}", "--urls=http://127.0.0.1:0"]);
            await app.StartAsync();
        });

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    private static StreamServiceFactory LimitedTo(int burst) => new(
        ("Network:TrustedProxies:0", "127.0.0.1"),
        ("Stream:UpgradesPerMinute", "1"),
        ("Stream:UpgradeBurst", burst.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    // The status the server answered an upgrade with: 101 when it took the socket.
    private static async Task<HttpStatusCode> UpgradeAsync(Uri uri, string forwardedFor)
    {
        using var client = new ClientWebSocket();
        client.Options.CollectHttpResponseDetails = true;
        client.Options.SetRequestHeader("X-Forwarded-For", forwardedFor);
        using var cts = new CancellationTokenSource(TestSocket.DefaultTimeout);
        try
        {
            await client.ConnectAsync(uri, cts.Token);
        }
        catch (WebSocketException)
        {
            // Refused: the status says why.
        }

        return client.HttpStatusCode;
    }

    private static async Task<HttpResponseMessage> GetFromAsync(HttpClient http, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await http.SendAsync(request);
    }
}
