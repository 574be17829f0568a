using AvatarStream.DevSidecar.App;

namespace AvatarStream.DevSidecar.Invocation;

// daprd's service invocation errors (ERR_DIRECT_INVOKE), and the pass-back of an answer that can break midway.
public static class InvocationErrors
{
    // 500: the call to appId failed for reason; logged too.
    public static Task FailAsync(HttpContext context, ILogger logger, string appId, string reason)
    {
        InvocationLog.InvocationFailed(logger, appId, reason);
        return DaprErrorResponse.WriteAsync(context.Response, StatusCodes.Status500InternalServerError, "ERR_DIRECT_INVOKE",
            $"failed to invoke, id: {appId}, err: {reason}", context.RequestAborted);
    }

    // 404: the path under /v1.0/invoke names no app id.
    public static Task NoAppIdAsync(HttpContext context) =>
        DaprErrorResponse.WriteAsync(context.Response, StatusCodes.Status404NotFound, "ERR_DIRECT_INVOKE",
            "failed getting app id either from the URL path or the header dapr-app-id", context.RequestAborted);

    // Passes response (disposed here) back unchanged. When it breaks midway the status line is
    // gone, so the break is logged and the connection aborted: the only honest signal left.
    public static async Task TryCopyResponseAsync(HttpContext context, HttpResponseMessage response, ILogger logger, string appId)
    {
        using (response)
        {
            try
            {
                await ProxyHeaders.CopyResponseAsync(response, context.Response, context.RequestAborted);
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                InvocationLog.ResponseBroken(logger, appId, e);
                context.Abort();
            }
        }
    }
}
