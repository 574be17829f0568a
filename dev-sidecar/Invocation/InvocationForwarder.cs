using AvatarStream.DevSidecar.App;
using AvatarStream.DevSidecar.Discovery;

namespace AvatarStream.DevSidecar.Invocation;

// The caller's side of /v1.0/invoke/{appId}/method/...: resolves the app-id in the directory, picks a live
// instance (round-robin over replicas) and hands the request to that instance's sidecar, which calls its app with its
// own app token. A replica whose sidecar does not accept a connection is skipped for the next one.
public sealed class InvocationForwarder(
    AppDirectory directory,
    SidecarIdentity identity,
    AppInvoker local,
    PeerChannel peers,
    ILogger<InvocationForwarder> logger)
{
    public const string InternalPrefix = "/_devsidecar/invoke";

    private int _next;

    public async Task InvokeAsync(HttpContext context, InvokePath path)
    {
        var tried = new HashSet<string>(StringComparer.Ordinal);
        string? error = null;

        // First from the cached directory; then, if it listed nobody or nobody listed took the connection, once more
        // from a fresh read: the cache may predate an app that just registered, or still list a replica whose process
        // restarted (on another cluster, so this one's cache was not told) while missing the replica that replaced it.
        for (var pass = 0; pass < 2 && error is null; pass++)
        {
            if (pass > 0)
            {
                directory.Invalidate();
            }

            var instances = (await directory.FindAppAsync(path.AppId, context.RequestAborted))
                .Where(i => !tried.Contains(i.InstanceId))
                .ToArray();
            if (instances.Length > 0)
            {
                (var done, error) = await TryInstancesAsync(context, path, instances, tried);
                if (done)
                {
                    return;
                }
            }
        }

        await InvocationErrors.FailAsync(context, logger, path.AppId, error
            ?? (tried.Count == 0 ? $"couldn't find service: {path.AppId}" : $"no instance of {path.AppId} accepted a connection"));
    }

    // Hands the call to the first of instances (round-robin) that takes it. Done when one answered;
    // else the error that ends the call, or none when no instance accepted a connection (each is added to tried).
    private async Task<(bool Done, string? Error)> TryInstancesAsync(
        HttpContext context, InvokePath path, IReadOnlyList<AppRegistration> instances, HashSet<string> tried)
    {
        var start = (int)((uint)Interlocked.Increment(ref _next) % (uint)instances.Count);
        for (var i = 0; i < instances.Count; i++)
        {
            var instance = instances[(start + i) % instances.Count];
            tried.Add(instance.InstanceId);
            var added = InvocationHeaders.For(context, identity.AppId, instance.AppId);
            if (instance.InstanceId == identity.InstanceId)
            {
                await local.InvokeAsync(context, path.AppPathAndQuery, added);
                return (true, null);
            }

            var (response, error) = await SendToPeerAsync(context, instance, path, added);
            if (response is null)
            {
                // Without a connection nothing was sent, so the next replica may take the call; any other error ends it.
                if (error is not null)
                {
                    return (false, error);
                }

                continue;
            }

            await InvocationErrors.TryCopyResponseAsync(context, response, logger, path.AppId);
            return (true, null);
        }

        return (false, null);
    }

    // The peer's response; or no response and no error when the peer could not be connected to (nothing was sent, so
    // another replica may be tried); or the error that ends the call.
    private async Task<(HttpResponseMessage? Response, string? Error)> SendToPeerAsync(
        HttpContext context, AppRegistration instance, InvokePath path, IReadOnlyList<KeyValuePair<string, string>> added)
    {
        var cancellationToken = context.RequestAborted;

        // Not disposed here: its content wraps the incoming request body, which belongs to Kestrel.
        var request = await peers.CreateRequestAsync(new HttpMethod(context.Request.Method), instance.SidecarHttp,
            InternalPrefix + path.AppPathAndQuery, cancellationToken);
        ProxyHeaders.CopyRequest(context.Request, request, InvocationHeaders.IsReplaced);
        foreach (var (name, value) in added)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            return (await peers.SendAsync(request, cancellationToken), null);
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError)
        {
            InvocationLog.InstanceUnreachable(logger, instance.AppId, instance.InstanceId, e);
            return (null, null);
        }
        catch (HttpRequestException e)
        {
            return (null, e.Message);
        }
    }
}
