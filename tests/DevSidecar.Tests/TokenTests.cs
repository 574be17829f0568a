using System.Net;
using AvatarStream.DevSidecar.Tests.Infrastructure;
using Grpc.Core;

namespace AvatarStream.DevSidecar.Tests;

public sealed class TokenTests
{
    private const string Token = "s3cret-token";

    [Fact]
    public async Task HttpCallWithoutOrWithWrongTokenIsRefusedWith401()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var app = await harness.StartAsync("app1", apiToken: Token);
        using var http = app.CreateHttpClient();

        using var missing = await http.GetAsync(new Uri("/v1.0/metadata", UriKind.Relative));
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/v1.0/metadata") { Headers = { { "dapr-api-token", "s3cret-tokeN" } } };
        using var wrongResponse = await http.SendAsync(wrong);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("text/plain", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal("invalid api token", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);
    }

    [Fact]
    public async Task HttpCallWithTheTokenIsServed()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var app = await harness.StartAsync("app1", apiToken: Token);
        using var http = app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1.0/metadata") { Headers = { { "dapr-api-token", Token } } };

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HealthProbesNeedNoToken()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var app = await harness.StartAsync("app1", apiToken: Token);
        using var client = app.CreateClient(apiToken: null);

        Assert.True(await client.CheckHealthAsync());
        Assert.True(await client.CheckOutboundHealthAsync());
    }

    [Fact]
    public async Task GrpcCallWithoutOrWithWrongTokenIsUnauthenticated()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        harness.AddComponent("s.yaml", ComponentYaml.Of("statestore", "state.redis"));
        var app = await harness.StartAsync("app1", apiToken: Token);
        using var anonymous = app.CreateClient(apiToken: null);
        using var wrong = app.CreateClient(apiToken: "other");

        var error = await DaprAssert.FailsWith(StatusCode.Unauthenticated, () => anonymous.GetStateAsync<string>("statestore", "k"));
        Assert.Contains("api token mismatch", error.Status.Detail, StringComparison.Ordinal);
        await DaprAssert.FailsWith(StatusCode.Unauthenticated, () => wrong.GetMetadataAsync());
    }

    [Fact]
    public async Task GrpcCallWithTheTokenIsServed()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        harness.AddComponent("s.yaml", ComponentYaml.Of("statestore", "state.redis"));
        var app = await harness.StartAsync("app1", apiToken: Token);

        await app.Client.SaveStateAsync("statestore", "k", "v");

        Assert.Equal("v", await app.Client.GetStateAsync<string>("statestore", "k"));
    }

    [Fact]
    public async Task HttpRouteReachedOverTheGrpcPortStillNeedsTheToken()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var app = await harness.StartAsync("app1", apiToken: Token);
        using var http = new HttpClient { BaseAddress = new Uri(app.Sidecar.GrpcEndpoint), DefaultRequestVersion = HttpVersion.Version20 };
        http.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;

        using var response = await http.GetAsync(new Uri("/v1.0/metadata", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
