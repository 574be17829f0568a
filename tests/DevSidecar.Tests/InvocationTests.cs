using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AvatarStream.DevSidecar.Hosting;
using AvatarStream.DevSidecar.Tests.Infrastructure;
using AvatarStream.SidecarTestApp;
using Dapr.Client;

namespace AvatarStream.DevSidecar.Tests;

// Service invocation (dapr-contract §4), driven by the SDK's invoke HTTP clients: app-a calls app-b.
public sealed class InvocationTests : IAsyncLifetime
{
    private readonly SidecarCluster _cluster = SidecarCluster.InMemory();
    private AppWithSidecar _a = null!;
    private AppWithSidecar _b = null!;

    public async Task InitializeAsync()
    {
        var a = AppWithSidecar.StartAsync(_cluster, "app-a");
        var b = AppWithSidecar.StartAsync(_cluster, "app-b", sidecar: o => o with { AppApiToken = "app-b-secret" });
        _a = await a;
        _b = await b;
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(404)]
    [InlineData(500)]
    public async Task Invoke_PassesTheAppsStatusCodeThrough(int status)
    {
        using var http = _a.Dapr.CreateInvokableHttpClient("app-b");

        using var response = await http.GetAsync($"/echo/status?status={status}");

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("GET", response.Headers.GetValues("X-Echo-Method").Single());
        Assert.Equal("GET", (await response.Content.ReadFromJsonAsync<EchoReply>())!.Method);
    }

    [Fact]
    public async Task Invoke_ForwardsHeadersAndBody_AndAddsDaprCallerHeaders()
    {
        using var http = _a.Dapr.CreateInvokableHttpClient("app-b");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/echo/orders") { Content = new StringContent("{\"n\":1}", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Custom", "kept");
        request.Headers.Add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        using var response = await http.SendAsync(request);
        var echo = (await response.Content.ReadFromJsonAsync<EchoReply>())!;

        Assert.Equal("{\"n\":1}", echo.Body);
        Assert.Equal("kept", echo.Headers["x-custom"]);
        Assert.StartsWith("application/json", echo.Headers["content-type"], StringComparison.Ordinal);
        Assert.Equal("7", echo.Headers["content-length"]);
        Assert.Equal("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", echo.Headers["traceparent"]);
        Assert.Equal("app-a", echo.Headers["dapr-caller-app-id"]);
        Assert.Equal("app-b", echo.Headers["dapr-callee-app-id"]);
        Assert.True(echo.Headers.ContainsKey("x-forwarded-for"));
        Assert.DoesNotContain(echo.Headers.Keys, k => k.StartsWith("x-devsidecar-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invoke_SendsTheCalleesAppApiToken_NotTheCallers()
    {
        using var http = DaprClient.CreateInvokeHttpClient("app-b", _a.Sidecar.HttpEndpoint, daprApiToken: "caller-token");

        var echo = (await http.GetFromJsonAsync<EchoReply>("/echo/token"))!;

        Assert.Equal("app-b-secret", echo.Headers["dapr-api-token"]);
    }

    [Fact]
    public async Task Invoke_PreservesTheRawQueryString()
    {
        using var http = _a.Dapr.CreateInvokableHttpClient("app-b");

        var echo = (await http.GetFromJsonAsync<EchoReply>("/echo/hello%20world?x=1&y=a%20b&z=%2F&w=a+b"))!;

        Assert.Equal("/echo/hello%20world?x=1&y=a%20b&z=%2F&w=a+b", echo.RawTarget);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("OPTIONS")]
    [InlineData("HEAD")]
    public async Task Invoke_SupportsEveryVerb(string verb)
    {
        using var http = DaprClient.CreateInvokeHttpClient("app-b", _a.Sidecar.HttpEndpoint);
        using var request = new HttpRequestMessage(new HttpMethod(verb), "/echo/verb");
        if (verb is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("payload");
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(verb, response.Headers.GetValues("X-Echo-Method").Single());
    }

    [Fact]
    public async Task Invoke_AnAppOnItsOwnSidecar_Works()
    {
        using var http = _b.Dapr.CreateInvokableHttpClient("APP-B");

        Assert.Equal("app-b", await http.GetStringAsync("/whoami"));
    }

    [Fact]
    public async Task Invoke_FromInsideAnApp_ReachesTheOtherApp()
    {
        using var http = new HttpClient { BaseAddress = _a.AppEndpoint };

        Assert.Equal("app-b", await http.GetStringAsync("/call/app-b/whoami"));
    }

    [Fact]
    public async Task Invoke_UnknownAppId_Returns500ErrDirectInvoke()
    {
        using var http = _a.Dapr.CreateInvokableHttpClient("no-such-app");

        using var response = await http.GetAsync("/anything");

        await AssertDaprErrorAsync(response, HttpStatusCode.InternalServerError, "ERR_DIRECT_INVOKE", "failed to invoke, id: no-such-app, err: ");
    }

    [Fact]
    public async Task Invoke_WithoutAppId_Returns404ErrDirectInvoke()
    {
        using var http = _a.SidecarHttp();

        using var response = await http.GetAsync("/v1.0/invoke/");

        await AssertDaprErrorAsync(response, HttpStatusCode.NotFound, "ERR_DIRECT_INVOKE", "failed getting app id");
    }

    [Fact]
    public async Task Invoke_AppThatStoppedAnswering_FailsFastWithErrDirectInvoke()
    {
        await using var c = await AppWithSidecar.StartAsync(_cluster, "app-c");
        await c.App.StopAsync();
        using var http = _a.Dapr.CreateInvokableHttpClient("app-c");
        var clock = Stopwatch.StartNew();

        using var response = await http.GetAsync("/whoami");

        await AssertDaprErrorAsync(response, HttpStatusCode.InternalServerError, "ERR_DIRECT_INVOKE", "failed to invoke, id: app-c, err: ");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    private static async Task AssertDaprErrorAsync(HttpResponseMessage response, HttpStatusCode status, string errorCode, string messageStart)
    {
        Assert.Equal(status, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(errorCode, json.RootElement.GetProperty("errorCode").GetString());
        Assert.StartsWith(messageStart, json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
