extern alias devsidecar;

using System.Collections.Concurrent;
using System.Net.Http.Json;
using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults.InternalAuth;
using Dapr.Client;
using devsidecar::AvatarStream.DevSidecar.App;
using devsidecar::AvatarStream.DevSidecar.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AvatarStream.RoomRouter.Tests.Integration.Harness;

// A stream instance as the router sees it: an app-id (stream-1, ...) with its own sidecar, answering
// /register and /place-room when they carry the internal token, failing it on demand, and gone once stopped. It also makes
// the calls a stream instance makes on the router (/put-task, /remove-client) through its sidecar.
public sealed class StreamStandIn : IAsyncDisposable
{
    private static readonly TimeSpan RegistrationTimeout = TimeSpan.FromSeconds(15);

    private readonly WebApplication _app;
    private readonly DaprClient _dapr;
    private readonly HttpClient _router;
    private readonly IInternalTokenSource _tokens;
    private int _stopped;
    private int _unauthorized;

    private StreamStandIn(string appId, WebApplication app, Sidecar sidecar)
    {
        AppId = appId;
        _app = app;
        Sidecar = sidecar;
        StreamUrl = $"ws://{new Uri(app.Urls.Single()).Authority}/";
        _dapr = new DaprClientBuilder().UseHttpEndpoint(sidecar.HttpEndpoint).UseGrpcEndpoint(sidecar.GrpcEndpoint).Build();
        _router = _dapr.CreateInvokableHttpClient(DaprNames.RoomRouter);
        // The token as a stream instance gets it: from the secret store, through its own sidecar.
        _tokens = new DaprSecretTokenSource(_dapr, TimeProvider.System);
    }

    public string AppId { get; }

    public string StreamUrl { get; }

    public Sidecar Sidecar { get; }

    public RegisterBehaviour Behaviour { get; set; } = RegisterBehaviour.Accept;

    // Every /register this instance accepted, in arrival order.
    public ConcurrentQueue<RegisterRequest> Registered { get; } = new();

    // Every /place-room this instance accepted, in arrival order.
    public ConcurrentQueue<PlaceRoomRequest> Placed { get; } = new();

    // /register and /place-room calls refused for a missing or wrong token.
    public int Unauthorized => Volatile.Read(ref _unauthorized);

    internal static async Task<StreamStandIn> StartAsync(Testbed bed, SidecarCluster cluster, string appId)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        StreamStandIn? self = null;
        app.MapPost("/register", (Func<HttpContext, Task<IResult>>)(http => self!.AcceptAsync<RegisterRequest>(http, self.Registered)));
        app.MapPost("/place-room", (Func<HttpContext, Task<IResult>>)(http => self!.AcceptAsync<PlaceRoomRequest>(http, self.Placed)));
        app.MapGet("/health", () => TypedResults.Text("Healthy."));
        await app.StartAsync();

        var sidecar = await Sidecar.StartAsync(
            new SidecarOptions { AppId = appId, AppPort = new Uri(app.Urls.Single()).Port, ResourcesPath = bed.ResourcesPath },
            cluster,
            RouterNode.Quiet);
        self = new StreamStandIn(appId, app, sidecar);
        try
        {
            await sidecar.Services.GetRequiredService<AppRegistrar>().Registered.WaitAsync(RegistrationTimeout);
        }
        catch
        {
            await self.DisposeAsync();
            throw;
        }

        return self;
    }

    // /put-task through this instance's sidecar, as a starting stream instance does.
    public async Task AnnounceAsync()
    {
        using var response = await CallRouterAsync(HttpMethod.Post, "/put-task", new PutTaskRequest(AppId, StreamUrl));
        response.EnsureSuccessStatusCode();
    }

    // An internal call on the router by service invocation through this instance's sidecar, with the internal token
    // from the secret store, or with authorization verbatim when given ("" sends none).
    public async Task<HttpResponseMessage> CallRouterAsync(HttpMethod method, string path, object? body, string? authorization = null)
    {
        if (authorization is null)
        {
            return await _router.SendInternalAsync(method, path, body, _tokens, CancellationToken.None);
        }

        using var request = new HttpRequestMessage(method, path);
        if (authorization.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: ContractJson.Options);
        }

        return await _router.SendAsync(request);
    }

    // The instance dies: its app and its sidecar stop, and the sidecar leaves the directory. Idempotent.
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        _router.Dispose();
        _dapr.Dispose();
        await Sidecar.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> AcceptAsync<T>(HttpContext http, ConcurrentQueue<T> accepted)
        where T : class
    {
        if (!InternalToken.Matches(http.Request.Headers.Authorization, Testbed.InternalToken))
        {
            Interlocked.Increment(ref _unauthorized);
            return TypedResults.Unauthorized();
        }

        var request = await http.Request.ReadFromJsonAsync<T>(ContractJson.Options, http.RequestAborted);
        if (Behaviour == RegisterBehaviour.Fail || request is null)
        {
            return TypedResults.StatusCode(StatusCodes.Status500InternalServerError);
        }

        accepted.Enqueue(request);
        return TypedResults.Ok();
    }
}
