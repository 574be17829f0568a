namespace AvatarStream.DevSidecar.App;

// The HTTP handler for every call the sidecar makes (to its app and to peer sidecars).
public static class OutboundHttp
{
    // A dead app or peer must fail a call within seconds, not hang it.
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(3);

    public static HttpClient CreateClient(Uri? baseAddress = null) => new(new SocketsHttpHandler
    {
        ConnectTimeout = ConnectTimeout,
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        // Peers come and go (a killed process leaves its port closed); do not keep sockets to them for long.
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(15),
    })
    {
        BaseAddress = baseAddress,
        // Calls carry the caller's cancellation token; an app method may legitimately run long.
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
