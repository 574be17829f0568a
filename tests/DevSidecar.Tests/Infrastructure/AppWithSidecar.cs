using AvatarStream.DevSidecar.App;
using AvatarStream.DevSidecar.Hosting;
using AvatarStream.SidecarTestApp;
using Dapr.Actors;
using Dapr.Actors.Client;
using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AvatarStream.DevSidecar.Tests.Infrastructure;

// A TestApp and its development sidecar, both in this process on loopback. The sidecar's HTTP port is
// picked first (the app's actor runtime needs it up front), the app starts on port 0, then the sidecar starts with
// the app's port; a lost race for the picked port starts over.
public sealed class AppWithSidecar : IAsyncDisposable
{
    private const int Attempts = 5;

    private readonly SidecarOptions _options;

    private AppWithSidecar(WebApplication app, Sidecar sidecar, SidecarOptions options)
    {
        App = app;
        Sidecar = sidecar;
        _options = options;
        Dapr = new DaprClientBuilder().UseHttpEndpoint(sidecar.HttpEndpoint).UseGrpcEndpoint(sidecar.GrpcEndpoint).Build();
    }

    public WebApplication App { get; }

    public Sidecar Sidecar { get; private set; }

    public DaprClient Dapr { get; }

    public ActorProbe Probe => App.Services.GetRequiredService<ActorProbe>();

    public Uri AppEndpoint => new($"http://127.0.0.1:{TestApp.PortOf(App)}");

    public static async Task<AppWithSidecar> StartAsync(
        SidecarCluster cluster,
        string appId,
        Func<TestAppSettings, TestAppSettings>? app = null,
        Func<SidecarOptions, SidecarOptions>? sidecar = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var httpPort = LoopbackPorts.Next();
            var settings = new TestAppSettings { Name = appId, DaprHttpEndpoint = $"http://127.0.0.1:{httpPort}" };
            var web = TestApp.Create(app?.Invoke(settings) ?? settings);
            await web.StartAsync();
            var options = new SidecarOptions { AppId = appId, AppPort = TestApp.PortOf(web), HttpPort = httpPort };
            options = sidecar?.Invoke(options) ?? options;
            try
            {
                var started = await StartSidecarAsync(options, cluster);
                return new AppWithSidecar(web, started, options);
            }
            catch (IOException) when (attempt < Attempts)
            {
                await web.DisposeAsync();
            }
        }
    }

    public ActorProxyFactory Proxies(TimeSpan? timeout = null) => new(new ActorProxyOptions
    {
        HttpEndpoint = Sidecar.HttpEndpoint,
        UseJsonSerialization = true,
        RequestTimeout = timeout,
    });

    public ITestActor Actor(string id, TimeSpan? timeout = null) =>
        Proxies(timeout).CreateActorProxy<ITestActor>(new ActorId(id), nameof(TestActor));

    public HttpClient SidecarHttp() => new() { BaseAddress = new Uri(Sidecar.HttpEndpoint) };

    // Stops the sidecar and starts a new one with the same app-id and ports on cluster; the app keeps running.
    public async Task RestartSidecarAsync(SidecarCluster cluster)
    {
        var options = _options with { HttpPort = Sidecar.HttpPort, GrpcPort = Sidecar.GrpcPort };
        await Sidecar.DisposeAsync();
        Sidecar = await StartSidecarAsync(options, cluster);
    }

    public async ValueTask DisposeAsync()
    {
        Dapr.Dispose();
        await Sidecar.DisposeAsync();
        await App.DisposeAsync();
    }

    private static async Task<Sidecar> StartSidecarAsync(SidecarOptions options, SidecarCluster cluster)
    {
        var sidecar = await Sidecar.StartAsync(options, cluster, logging => logging.SetMinimumLevel(LogLevel.Warning));
        try
        {
            await sidecar.Services.GetRequiredService<AppRegistrar>().Registered.WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch
        {
            await sidecar.DisposeAsync();
            throw;
        }

        return sidecar;
    }
}
