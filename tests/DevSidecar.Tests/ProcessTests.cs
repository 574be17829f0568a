using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using AvatarStream.DevSidecar.Tests.Infrastructure;
using AvatarStream.SidecarTestApp;
using Dapr;
using Dapr.Actors;
using Dapr.Actors.Client;
using Dapr.Client;

namespace AvatarStream.DevSidecar.Tests;

// Standalone sidecars as separate processes (as with daprd): each beside its own app process, all sharing one SQLite
// file, through which they resolve each other's app-ids and actor types.
public sealed partial class ProcessTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Process_TwoSidecarProcesses_InvokeEachOthersApps_AndActors_AndSurviveAKill()
    {
        var (httpA, grpcA, httpB, grpcB) = (LoopbackPorts.Next(), LoopbackPorts.Next(), LoopbackPorts.Next(), LoopbackPorts.Next());
        await using var appA = StartApp("app-a", httpA, "--hosts-actors", "false");
        await using var appB = StartApp("app-b", httpB);
        var (portA, portB) = (await PortOfAsync(appA), await PortOfAsync(appB));
        await using var sidecarA = StartSidecar("app-a", portA, httpA, grpcA);
        await using var sidecarB = StartSidecar("app-b", portB, httpB, grpcB);
        await Task.WhenAll(ReadyAsync(sidecarA), ReadyAsync(sidecarB));
        using var daprA = Client(httpA, grpcA);
        using var daprB = Client(httpB, grpcB);
        using var toB = daprA.CreateInvokableHttpClient("app-b");
        using var toA = daprB.CreateInvokableHttpClient("app-a");
        var actorViaA = Proxies(httpA).CreateActorProxy<ITestActor>(new ActorId("shared"), nameof(TestActor));
        var actorViaB = Proxies(httpB).CreateActorProxy<ITestActor>(new ActorId("shared"), nameof(TestActor));

        // Both sidecars are up; app-b's actor types reach the directory once app-b has answered /dapr/config.
        Assert.Equal("app-b", await Eventually.GetAsync(() => TryAsync(() => toB.GetStringAsync("/whoami")), r => r == "app-b", StartTimeout, "app-a -> app-b"));
        Assert.Equal("app-a", await toA.GetStringAsync("/whoami"));
        Assert.Equal("app-b", await Eventually.GetAsync(() => TryAsync(actorViaA.WhereAsync), r => r == "app-b", StartTimeout, "actor via app-a's sidecar"));
        using var appAHttp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{portA}") };
        Assert.Equal("app-b", await appAHttp.GetStringAsync("/call/app-b/whoami"));
        Assert.Equal("app-b", await appAHttp.GetStringAsync("/actor/from-app-a/where"));
        await actorViaA.SetValueAsync("written through app-a");
        Assert.Equal("written through app-a", await actorViaB.GetValueAsync());

        sidecarB.Kill();
        await sidecarB.WaitForExitAsync(TimeSpan.FromSeconds(10));
        var clock = Stopwatch.StartNew();
        using var dead = await toB.GetAsync("/whoami");

        Assert.Equal(HttpStatusCode.InternalServerError, dead.StatusCode);
        Assert.Contains("ERR_DIRECT_INVOKE", await dead.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        using var self = daprA.CreateInvokableHttpClient("app-a");
        Assert.Equal("app-a", await self.GetStringAsync("/whoami"));

        await sidecarA.SignalAsync("TERM");
        Assert.Equal(0, await sidecarA.WaitForExitAsync(TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task Process_BadFlags_PrintUsageAndExit2()
    {
        await using var sidecar = StandaloneProcess.Start("DevSidecar", ["--app-port", "nope"], _folder.Path);

        Assert.Equal(2, await sidecar.WaitForExitAsync(StartTimeout));
        Assert.Contains("usage: dev-sidecar", sidecar.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_PortInUse_IsNamed()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var output = await FailedStartAsync("--dapr-http-port", port.ToString());

        Assert.Contains($"port {port} (--dapr-http-port) is already in use", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_RelativePaths_ResolveAgainstTheWorkingDirectory()
    {
        _folder.Write(Path.Combine("components", "store.yaml"), ComponentYaml.Of("store", "state.in-memory"));
        _folder.Write("config.yaml", "kind: Configuration\nspec:\n  features: []\n");

        await using var sidecar = StandaloneProcess.Start("DevSidecar",
        [
            "--app-id", "x", "--dapr-http-port", "0", "--dapr-grpc-port", "0",
            "--resources-path", "components", "--config", "config.yaml", "--state-db", "state.db",
        ], _folder.Path);
        var ready = await ReadyAsync(sidecar);
        using var http = new HttpClient { BaseAddress = new Uri(HttpEndpoint().Match(ready).Value) };

        Assert.Contains("\"store\"", await http.GetStringAsync("/v1.0/metadata"), StringComparison.Ordinal);
        Assert.True(File.Exists(_folder.File("state.db")));
        await sidecar.SignalAsync("TERM");
        Assert.Equal(0, await sidecar.WaitForExitAsync(TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task Process_MissingResourcesFolder_IsNamed()
    {
        var output = await FailedStartAsync("--resources-path", "nowhere");

        Assert.Contains($"--resources-path: resources path '{_folder.File("nowhere")}' does not exist", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_MissingConfigFile_IsNamed()
    {
        var output = await FailedStartAsync("--config", "nowhere.yaml");

        Assert.Contains($"--config: config file '{_folder.File("nowhere.yaml")}' does not exist", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_InvalidComponentYaml_NamesTheFile()
    {
        var file = _folder.Write(Path.Combine("components", "broken.yaml"), "kind: Component\nmetadata: [unclosed\n");

        var output = await FailedStartAsync("--resources-path", "components");

        Assert.Contains($"--resources-path: {file}, line 3: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_UnreadableComponentFile_NamesTheFile()
    {
        Directory.CreateDirectory(_folder.File("components"));
        var file = _folder.Combine("components", "gone.yaml");
        File.CreateSymbolicLink(file, _folder.File("deleted-target.yaml"));

        var output = await FailedStartAsync("--resources-path", "components");

        Assert.Contains($"--resources-path: {file}: cannot read: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_StateDbThatCannotBeOpened_IsNamed()
    {
        Directory.CreateDirectory(_folder.File("state.db"));

        var output = await FailedStartAsync();

        Assert.Contains($"--state-db: cannot open '{_folder.File("state.db")}': ", output, StringComparison.Ordinal);
    }

    private StandaloneProcess StartApp(string name, int sidecarHttpPort, params string[] extra) =>
        StandaloneProcess.Start("SidecarTestApp",
            ["--name", name, "--port", "0", "--dapr-http-endpoint", $"http://127.0.0.1:{sidecarHttpPort}", .. extra], _folder.Path);

    private StandaloneProcess StartSidecar(string appId, int appPort, int httpPort, int grpcPort) =>
        StandaloneProcess.Start("DevSidecar",
        [
            "--app-id", appId, "--app-port", appPort.ToString(), "--dapr-http-port", httpPort.ToString(),
            "--dapr-grpc-port", grpcPort.ToString(), "--state-db", _folder.File("state.db"), "--log-level", "warn",
        ], _folder.Path);

    private static async Task<int> PortOfAsync(StandaloneProcess app)
    {
        var line = await app.WaitForLineAsync(l => l.Contains(" listening on ", StringComparison.Ordinal), StartTimeout);
        return int.Parse(line[(line.LastIndexOf(' ') + 1)..]);
    }

    // Exit code 1 and a one-line reason, no stack trace.
    private async Task<string> FailedStartAsync(params string[] args)
    {
        await using var sidecar = StandaloneProcess.Start("DevSidecar",
            ["--app-id", "x", "--dapr-http-port", "0", "--dapr-grpc-port", "0", "--state-db", "state.db", .. args], _folder.Path);

        Assert.Equal(1, await sidecar.WaitForExitAsync(StartTimeout));
        Assert.DoesNotContain("   at ", sidecar.Output, StringComparison.Ordinal);
        return sidecar.Output;
    }

    private static Task<string> ReadyAsync(StandaloneProcess sidecar) =>
        sidecar.WaitForLineAsync(l => l.StartsWith("dev-sidecar: app-id", StringComparison.Ordinal), StartTimeout);

    private static DaprClient Client(int http, int grpc) =>
        new DaprClientBuilder().UseHttpEndpoint($"http://127.0.0.1:{http}").UseGrpcEndpoint($"http://127.0.0.1:{grpc}").Build();

    private static ActorProxyFactory Proxies(int http) =>
        new(new ActorProxyOptions { HttpEndpoint = $"http://127.0.0.1:{http}", UseJsonSerialization = true });

    private static async Task<string?> TryAsync(Func<Task<string>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is HttpRequestException or DaprApiException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex HttpEndpoint();
}
