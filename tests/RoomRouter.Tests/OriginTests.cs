using System.Net;
using System.Net.Http.Json;
using AvatarStream.RoomRouter.Web;
using AvatarStream.ServiceDefaults;
using Microsoft.AspNetCore.Mvc;

namespace AvatarStream.RoomRouter.Tests;

// Web pages of other origins may not use the public API; the router's own page, listed origins and callers that
// send no Origin (curl, native clients) may.
public class OriginTests
{
    private static Task<HttpResponseMessage> CreateAsync(HttpClient client, string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/create-room");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return client.SendAsync(request);
    }

    [Fact]
    public async Task CrossOriginCreate_Is403OriginNotAllowed()
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();

        var response = await CreateAsync(client, "https://evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(ProblemTypes.OriginNotAllowed, problem!.Type);
        Assert.Empty(app.Streams.Registered);
    }

    [Fact]
    public async Task CrossOriginJoin_Is403OriginNotAllowed()
    {
        await using var app = new RouterApplication();
        using var client = app.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/join-room") { Content = JsonContent.Create(new { room = "00157" }) };
        request.Headers.Add("Origin", "null");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ProblemTypes.OriginNotAllowed, (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Type);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("http://localhost")]
    [InlineData("http://LOCALHOST:80")]
    public async Task SameOriginOrNoOrigin_Creates(string? origin)
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();

        var response = await CreateAsync(client, origin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ListedOrigin_Creates()
    {
        await using var app = new RouterApplication(("Web:AllowedOrigins:0", "https://app.example.org/"));
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await CreateAsync(client, "https://app.example.org")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await CreateAsync(client, "https://app.example.org:8443")).StatusCode);
    }

    [Fact]
    public async Task MalformedAllowedOrigin_StopsTheStart()
    {
        await using var app = new RouterApplication(("Web:AllowedOrigins:0", "app.example.org/path"));

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Web:AllowedOrigins", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/web/app.js")]
    [InlineData("/web/app.css")]
    public async Task PageResponses_CarryStrictHeaders(string path)
    {
        await using var app = new RouterApplication();
        using var client = app.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PageHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("script-src 'self';", PageHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", PageHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("camera=(self), microphone=(self), geolocation=()", response.Headers.GetValues("Permissions-Policy").Single());
    }
}
