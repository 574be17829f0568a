using System.Net;

namespace AvatarStream.RoomRouter.Tests;

// X-Forwarded-For names the client only when a proxy in Network:TrustedProxies sent it; from anyone else it is
// ignored, so a client cannot rotate it to escape its address's budget.
public class TrustedProxyTests
{
    private const string Proxy = "10.0.0.1";
    private const string Client = "203.0.113.5";

    public static TheoryData<string, string?> UntrustedPeers => new()
    {
        // A peer outside the configured proxies.
        { "198.51.100.7", Proxy },
        // Loopback, which the framework would trust by default.
        { "127.0.0.1", Proxy },
        // Any address when no proxy is configured at all.
        { "127.0.0.1", null },
    };

    [Theory]
    [MemberData(nameof(UntrustedPeers))]
    public async Task ForwardedFor_FromAnUntrustedPeer_IsIgnored(string peer, string? trustedProxy)
    {
        (string, string)[] limits = [("RateLimits:CreateRoomPerMinute", "1"), ("RateLimits:CreateRoomBurst", "2")];
        await using var app = new RouterApplication(trustedProxy is null ? limits : [("Network:TrustedProxies:0", trustedProxy), .. limits]);
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.CreateRoomFromAsync(peer, "192.0.2.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.CreateRoomFromAsync(peer, "192.0.2.2")).StatusCode);

        await RateLimitAssert.IsRateLimitedAsync(await client.CreateRoomFromAsync(peer, "192.0.2.3"));
    }

    [Fact]
    public async Task ForwardedFor_FromATrustedNetwork_NamesTheClient_AndItsOwnSpoofedEntriesAreIgnored()
    {
        await using var app = new RouterApplication(
            ("Network:TrustedProxies:0", "10.0.0.0/8"), ("RateLimits:CreateRoomPerMinute", "1"), ("RateLimits:CreateRoomBurst", "1"));
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();

        // The client wrote its own X-Forwarded-For; the proxy appended the address it saw. Only that one counts.
        Assert.Equal(HttpStatusCode.OK, (await client.CreateRoomFromAsync(Proxy, $"192.0.2.1, {Client}")).StatusCode);
        await RateLimitAssert.IsRateLimitedAsync(await client.CreateRoomFromAsync(Proxy, $"192.0.2.2, {Client}"));
        Assert.Equal(HttpStatusCode.OK, (await client.CreateRoomFromAsync(Proxy, "198.51.100.9")).StatusCode);
    }

    [Theory]
    [InlineData("proxy.internal")]
    [InlineData("10.0.0.1/8")]
    [InlineData("10.0.0.0/33")]
    public async Task InvalidTrustedProxy_StopsStartUp_NamingTheSetting(string entry)
    {
        // Started as Program starts it (see OptionsTests).
        await using var app = RoomRouterApp.Build([$"--Network:TrustedProxies:0={entry}", "--urls=http://127.0.0.1:0"]);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());

        Assert.Contains("Network:TrustedProxies", failure.Message, StringComparison.Ordinal);
        Assert.Contains(entry, failure.Message, StringComparison.Ordinal);
    }
}
