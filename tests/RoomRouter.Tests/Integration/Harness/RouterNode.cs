extern alias devsidecar;

using AvatarStream.Contracts;
using devsidecar::AvatarStream.DevSidecar.App;
using devsidecar::AvatarStream.DevSidecar.Discovery;
using devsidecar::AvatarStream.DevSidecar.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AvatarStream.RoomRouter.Tests.Integration.Harness;

// The room router on a real loopback port (its sidecar calls it back for actors) beside its own development sidecar,
// wired only through the app's configuration keys. The sidecar's ports are picked first, because the router's actor
// runtime reads them at start; the router starts on port 0, then the sidecar with the router's port. A lost race for
// a picked port starts over.
public sealed class RouterNode : IAsyncDisposable
{
    private const int Attempts = 5;
    private static readonly TimeSpan RegistrationTimeout = TimeSpan.FromSeconds(15);

    private int _stopped;

    private RouterNode(WebApplication app, Sidecar sidecar)
    {
        App = app;
        Sidecar = sidecar;
        Address = new Uri(app.Urls.Single());
        Client = new HttpClient { BaseAddress = Address };
    }

    public WebApplication App { get; }

    public Sidecar Sidecar { get; }

    public Uri Address { get; }

    // A browser's view: straight to the router's public API.
    public HttpClient Client { get; }

    // Waits until this router's sidecar sees count hosts of the room actor. Sidecars on separate
    // clusters (processes) learn of each other through the store, a little late; until then they would place an
    // actor differently.
    public async Task WaitForActorHostsAsync(int count)
    {
        var directory = Sidecar.Services.GetRequiredService<AppDirectory>();
        using var deadline = new CancellationTokenSource(RegistrationTimeout);
        while ((await directory.FindActorHostsAsync(DaprNames.RoomActor, deadline.Token)).Count != count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }
    }

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    internal static async Task<RouterNode> StartAsync(Testbed bed, SidecarCluster cluster, IReadOnlyList<(string Key, string Value)> settings)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (httpPort, grpcPort) = (LoopbackPorts.Next(), LoopbackPorts.Next());
            var app = RoomRouterApp.Build(Arguments(httpPort, grpcPort, settings));
            await app.StartAsync();
            Sidecar sidecar;
            try
            {
                sidecar = await Sidecar.StartAsync(
                    new SidecarOptions
                    {
                        AppId = "room-router",
                        AppPort = new Uri(app.Urls.Single()).Port,
                        HttpPort = httpPort,
                        GrpcPort = grpcPort,
                        ResourcesPath = bed.ResourcesPath,
                    },
                    cluster,
                    Quiet);
            }
            catch (IOException) when (attempt < Attempts)
            {
                await app.DisposeAsync();
                continue;
            }

            var node = new RouterNode(app, sidecar);
            try
            {
                // Ready once the sidecar has read /dapr/config and put RoomActor in the directory.
                await sidecar.Services.GetRequiredService<AppRegistrar>().Registered.WaitAsync(RegistrationTimeout);
            }
            catch
            {
                await node.DisposeAsync();
                throw;
            }

            return node;
        }
    }

    // Stops the sidecar (it leaves the directory) and then the router. Idempotent.
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        Client.Dispose();
        await Sidecar.DisposeAsync();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    internal static void Quiet(ILoggingBuilder logging) => logging.SetMinimumLevel(LogLevel.Warning);

    private static string[] Arguments(int sidecarHttpPort, int sidecarGrpcPort, IReadOnlyList<(string Key, string Value)> settings) =>
    [
        "--urls=http://127.0.0.1:0",
        $"--DAPR_HTTP_ENDPOINT=http://127.0.0.1:{sidecarHttpPort}",
        $"--DAPR_GRPC_ENDPOINT=http://127.0.0.1:{sidecarGrpcPort}",
        "--Logging:LogLevel:Default=Warning",
        .. GenerousRateLimits.Settings.Concat(settings).Select(s => $"--{s.Key}={s.Value}"),
    ];
}
