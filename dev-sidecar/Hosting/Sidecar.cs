using System.Net;
using AvatarStream.DevSidecar.Actors;
using AvatarStream.DevSidecar.App;
using AvatarStream.DevSidecar.Bindings;
using AvatarStream.DevSidecar.Components;
using AvatarStream.DevSidecar.Grpc;
using AvatarStream.DevSidecar.Invocation;
using AvatarStream.DevSidecar.Metadata;
using AvatarStream.DevSidecar.Secrets;
using AvatarStream.DevSidecar.State;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace AvatarStream.DevSidecar.Hosting;

/// <summary>
/// One development sidecar: the daprd HTTP API on one port and its gRPC API on another (Kestrel cannot serve
/// HTTP/1.1 and cleartext HTTP/2 on one port). The SDK never says which app is calling, so a sidecar serves exactly
/// one app, and the app is known by the ports it was given.
/// </summary>
public sealed class Sidecar : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ListenOptions _http;
    private readonly ListenOptions _grpc;

    private Sidecar(WebApplication app, ListenOptions http, ListenOptions grpc, SidecarOptions options)
    {
        _app = app;
        _http = http;
        _grpc = grpc;
        Options = options;
    }

    public SidecarOptions Options { get; }

    public int HttpPort => _http.IPEndPoint!.Port;

    public int GrpcPort => _grpc.IPEndPoint!.Port;

    /// <summary>What an app puts in <c>DAPR_HTTP_ENDPOINT</c>.</summary>
    public string HttpEndpoint => $"http://127.0.0.1:{HttpPort}";

    /// <summary>What an app puts in <c>DAPR_GRPC_ENDPOINT</c>.</summary>
    public string GrpcEndpoint => $"http://127.0.0.1:{GrpcPort}";

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a sidecar on loopback; returns once both listeners are bound.</summary>
    public static async Task<Sidecar> StartAsync(
        SidecarOptions options,
        SidecarCluster cluster,
        Action<ILoggingBuilder>? configureLogging = null,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(Sidecar).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        // A refused compare-and-swap is an answer, not a fault: keep Grpc's per-call status lines out of the log.
        builder.Logging.AddFilter("Grpc", LogLevel.Warning);
        configureLogging?.Invoke(builder.Logging);

        ListenOptions? http = null, grpc = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.HttpPort, o => { o.Protocols = HttpProtocols.Http1; http = o; });
            kestrel.Listen(IPAddress.Loopback, options.GrpcPort, o => { o.Protocols = HttpProtocols.Http2; grpc = o; });
        });

        var components = ComponentLoader.Load(options.ResourcesPath, options.AppId);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(cluster);
        builder.Services.AddSingleton(cluster.Time);
        builder.Services.AddSingleton(cluster.Directory);
        builder.Services.AddSingleton(new SidecarHttpAddress(() => http?.IPEndPoint));
        builder.Services.AddSingleton<IReadOnlyList<Component>>(components);
        builder.Services.AddProblemDetails();
        builder.Services.AddSidecarState();
        builder.Services.AddSidecarSecrets();
        builder.Services.AddSidecarOutputBindings();
        builder.Services.AddSidecarApp();
        builder.Services.AddSidecarMetadata();
        builder.Services.AddSidecarGrpc();

        var app = builder.Build();
        app.UseCleanPath();
        // Explicit, so routing matches the cleaned path: left implicit, WebApplication routes before any middleware.
        app.UseRouting();
        app.UseApiToken();
        app.MapHealthAndMetadata();
        app.MapInvocationRoutes();
        app.MapActorRoutes();
        app.MapOutputBindingRoutes();
        app.MapSidecarGrpc();

        await app.StartAsync(cancellationToken);
        return new Sidecar(app, http!, grpc!, options);
    }

    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
