using AvatarStream.DevSidecar.App;

namespace AvatarStream.DevSidecar.Invocation;

// The last hop of an invocation: sends the request to this sidecar's app, with the app API token, and passes the
// app's status, headers and body back unchanged (any status, 4xx and 5xx included).
public sealed class AppInvoker(AppChannel channel, SidecarIdentity identity, ILogger<AppInvoker> logger)
{
    public async Task InvokeAsync(HttpContext context, string appPathAndQuery, IReadOnlyList<KeyValuePair<string, string>> added)
    {
        var cancellationToken = context.RequestAborted;
        if (channel.Endpoint is null)
        {
            await FailAsync(context, "app channel not initialized");
            return;
        }

        // Not disposed here: its content wraps the incoming request body, which belongs to Kestrel.
        var request = channel.CreateRequest(new HttpMethod(context.Request.Method), appPathAndQuery);
        ProxyHeaders.CopyRequest(context.Request, request, name => added.Any(a => string.Equals(a.Key, name, StringComparison.OrdinalIgnoreCase)));
        foreach (var (name, value) in added)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        HttpResponseMessage response;
        try
        {
            response = await channel.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            await FailAsync(context, e.Message);
            return;
        }

        await InvocationErrors.TryCopyResponseAsync(context, response, logger, identity.AppId);
    }

    private Task FailAsync(HttpContext context, string reason) => InvocationErrors.FailAsync(context, logger, identity.AppId, reason);
}
