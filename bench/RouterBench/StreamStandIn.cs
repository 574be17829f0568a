extern alias devsidecar;

using System.Net.Http.Json;
using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults.InternalAuth;
using Dapr.Client;
using devsidecar::AvatarStream.DevSidecar.App;
using devsidecar::AvatarStream.DevSidecar.Hosting;

namespace AvatarStream.RouterBench;

// A stream instance as the router sees it: an app-id with its own sidecar, accepting /register when it carries
// the internal token. It does no more work than that, so the numbers are the router's and the sidecars'.
internal sealed class StreamStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StreamStandIn(string appId, WebApplication app, Sidecar sidecar)
    {
        AppId = appId;
        _app = app;
        Sidecar = sidecar;
    }

    public string AppId { get; }

    public Sidecar Sidecar { get; }

    public IServiceProvider AppServices => _app.Services;

    public string StreamUrl => $"ws://{new Uri(_app.Urls.Single()).Authority}/";

    public static async Task<StreamStandIn> StartAsync(string appId, string resourcesPath, SidecarCluster cluster, string token)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost(InternalRoutes.Register, async (HttpContext http) =>
        {
            if (!InternalToken.Matches(http.Request.Headers.Authorization, token))
            {
                return Results.Unauthorized();
            }

            return await http.Request.ReadFromJsonAsync<RegisterRequest>(ContractJson.Options, http.RequestAborted) is null
                ? Results.BadRequest()
                : Results.Ok();
        });
        await app.StartAsync();
        var sidecar = await Sidecar.StartAsync(
            new SidecarOptions { AppId = appId, AppPort = new Uri(app.Urls.Single()).Port, ResourcesPath = resourcesPath },
            cluster,
            logging => logging.ClearProviders());
        await sidecar.Services.GetRequiredService<AppRegistrar>().Registered.WaitAsync(TimeSpan.FromSeconds(15));
        return new StreamStandIn(appId, app, sidecar);
    }

    // /put-task through this instance's sidecar, as a starting stream instance does.
    public async Task AnnounceAsync(string token)
    {
        using var dapr = new DaprClientBuilder().UseHttpEndpoint(Sidecar.HttpEndpoint).UseGrpcEndpoint(Sidecar.GrpcEndpoint).Build();
        using var router = dapr.CreateInvokableHttpClient(DaprNames.RoomRouter);
        using var request = new HttpRequestMessage(HttpMethod.Post, InternalRoutes.PutTask)
        {
            Content = JsonContent.Create(new PutTaskRequest(AppId, StreamUrl), options: ContractJson.Options),
        };
        request.Headers.TryAddWithoutValidation("Authorization", InternalToken.HeaderValue(token));
        using var response = await router.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        await Sidecar.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
