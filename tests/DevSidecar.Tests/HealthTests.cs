using System.Net;
using System.Net.Http.Json;
using AvatarStream.DevSidecar.Hosting;
using AvatarStream.DevSidecar.Tests.Infrastructure;

namespace AvatarStream.DevSidecar.Tests;

public sealed class HealthTests
{
    [Theory]
    [InlineData("/v1.0/healthz")]
    [InlineData("/v1.0/healthz/outbound")]
    [InlineData("//v1.0/healthz")]
    public async Task HealthProbeAnswers204(string path)
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var app = await harness.StartAsync("app1");
        using var http = app.CreateHttpClient();

        using var response = await http.GetAsync(new Uri(app.Sidecar.HttpEndpoint + path));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task SdkSeesTheSidecarHealthyOnTheBoundPorts()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var app = await harness.StartAsync("app1");

        Assert.NotEqual(0, app.Sidecar.HttpPort);
        Assert.NotEqual(0, app.Sidecar.GrpcPort);
        Assert.NotEqual(app.Sidecar.HttpPort, app.Sidecar.GrpcPort);
        Assert.True(await app.Client.CheckHealthAsync());
        using var deadline = TestDeadline.Start();
        await app.Client.WaitForSidecarAsync(deadline.Token);
    }

    [Fact]
    public async Task HealthProbeIsNotReadyUntilTheAppHasAnsweredItsConfig()
    {
        // Nothing listens on the app port: the app's actor types are unknown, so actor calls to it would find no address.
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var app = await harness.StartAsync(new SidecarOptions { AppId = "app1", AppPort = 5123, ResourcesPath = harness.ResourcesPath });
        using var http = app.CreateHttpClient();

        using var response = await http.GetAsync(new Uri("/v1.0/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("ERR_HEALTH_NOT_READY", (await response.Content.ReadFromJsonAsync<ErrorBody>())?.ErrorCode);
        using var outbound = await http.GetAsync(new Uri("/v1.0/healthz/outbound", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, outbound.StatusCode);
    }

    [Fact]
    public async Task HealthProbeForAnotherAppIdIsAnError()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var app = await harness.StartAsync("app1");
        using var http = app.CreateHttpClient();

        using var response = await http.GetAsync(new Uri("/v1.0/healthz?appid=app2", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("ERR_HEALTH_APPID_NOT_MATCH", (await response.Content.ReadFromJsonAsync<ErrorBody>())?.ErrorCode);
    }

    [Fact]
    public async Task UnknownApiRouteIsADaprJsonError()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var app = await harness.StartAsync("app1");
        using var http = app.CreateHttpClient();

        using var response = await http.PostAsync(new Uri("/v1.0/nothing/here", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ERR_NOT_FOUND", (await response.Content.ReadFromJsonAsync<ErrorBody>())?.ErrorCode);
    }

    private sealed record ErrorBody(string ErrorCode, string Message);
}
