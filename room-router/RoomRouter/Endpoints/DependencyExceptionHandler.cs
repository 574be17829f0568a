using System.Security.Authentication;
using Dapr;
using Dapr.Actors;
using Grpc.Core;
using Microsoft.AspNetCore.Diagnostics;

namespace AvatarStream.RoomRouter.Endpoints;

// A sidecar, state store or actor that fails is an outage on our side, not a bug in the request: answer 503 with a
// problem the client can retry on, instead of a bare 500.
internal sealed class DependencyExceptionHandler(ILogger<DependencyExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (DaprException or DaprApiException or ActorMethodInvocationException or RpcException
            or HttpRequestException or AuthenticationException or TimeoutException))
        {
            return false;
        }

        RouterLog.DependencyFailed(logger, exception, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        await RoomProblems.DependencyUnavailable().ExecuteAsync(httpContext);
        return true;
    }
}
