using System.Net;

namespace AvatarStream.DevSidecar.App;

// Where this sidecar's HTTP API listens, known only once Kestrel has bound the port (the port may be 0 until then);
// peers reach it there for forwarded invocations and actor calls.
public sealed class SidecarHttpAddress(Func<IPEndPoint?> boundEndpoint)
{
    public Uri Uri => boundEndpoint() is { } endpoint
        ? new Uri($"http://127.0.0.1:{endpoint.Port}")
        : throw new InvalidOperationException("the sidecar's HTTP listener is not bound yet");
}
