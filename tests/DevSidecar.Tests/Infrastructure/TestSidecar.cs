using AvatarStream.DevSidecar.Hosting;
using Dapr.Client;

namespace AvatarStream.DevSidecar.Tests.Infrastructure;

// A started sidecar and a real SDK client pointed at it.
public sealed class TestSidecar : IAsyncDisposable
{
    private TestSidecar(Sidecar sidecar)
    {
        Sidecar = sidecar;
        Client = CreateClient(sidecar.Options.ApiToken);
    }

    public Sidecar Sidecar { get; }

    // A client that sends the sidecar's API token, if it has one.
    public DaprClient Client { get; }

    public T Service<T>() where T : notnull => Sidecar.Services.GetRequiredService<T>();

    public static async Task<TestSidecar> StartAsync(SidecarOptions options, SidecarCluster cluster, ILoggerProvider? logs = null) =>
        new(await Sidecar.StartAsync(options, cluster, logging =>
        {
            logging.ClearProviders();
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        }));

    public DaprClient CreateClient(string? apiToken)
    {
        var builder = new DaprClientBuilder().UseHttpEndpoint(Sidecar.HttpEndpoint).UseGrpcEndpoint(Sidecar.GrpcEndpoint);
        return (apiToken is null ? builder : builder.UseDaprApiToken(apiToken)).Build();
    }

    public HttpClient CreateHttpClient() => new() { BaseAddress = new Uri(Sidecar.HttpEndpoint) };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sidecar.DisposeAsync();
    }
}
