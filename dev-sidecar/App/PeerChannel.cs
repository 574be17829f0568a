namespace AvatarStream.DevSidecar.App;

// Calls from this sidecar to another sidecar's internal routes, carrying the ClusterToken.
public sealed class PeerChannel(ClusterToken token) : IDisposable
{
    private readonly HttpClient _client = OutboundHttp.CreateClient();

    public async Task<HttpRequestMessage> CreateRequestAsync(HttpMethod method, Uri peer, string pathAndQuery, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, new Uri(peer, pathAndQuery));
        request.Headers.TryAddWithoutValidation(ClusterToken.Header, await token.GetAsync(cancellationToken));
        return request;
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    public void Dispose() => _client.Dispose();
}
