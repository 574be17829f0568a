using AvatarStream.DevSidecar.Hosting;

namespace AvatarStream.DevSidecar.App;

// The sidecar's line to its own app at http://127.0.0.1:{AppPort}. Every request carries the app API token
// (dapr-api-token) when one is configured, as daprd does for invocations, actors, config and bindings.
public sealed class AppChannel : IDisposable
{
    private readonly HttpClient? _client;
    private readonly string? _token;

    public AppChannel(SidecarOptions options)
    {
        _token = string.IsNullOrEmpty(options.AppApiToken) ? null : options.AppApiToken;
        if (options.AppPort is { } port)
        {
            Endpoint = new Uri($"http://127.0.0.1:{port}");
            _client = OutboundHttp.CreateClient(Endpoint);
        }
    }

    // The app's base address; null for a sidecar with no app.
    public Uri? Endpoint { get; }

    // A request to the app; pathAndQuery is already escaped.
    public HttpRequestMessage CreateRequest(HttpMethod method, string pathAndQuery)
    {
        var request = new HttpRequestMessage(method, new Uri(Endpoint ?? throw NoApp(), pathAndQuery));
        if (_token is not null)
        {
            request.Headers.TryAddWithoutValidation(ApiTokenComparer.HeaderName, _token);
        }

        return request;
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken) =>
        (_client ?? throw NoApp()).SendAsync(request, completion, cancellationToken);

    public void Dispose() => _client?.Dispose();

    private static InvalidOperationException NoApp() => new("app channel not initialized: this sidecar has no app port");
}
