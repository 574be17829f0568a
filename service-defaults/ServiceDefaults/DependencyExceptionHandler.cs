using System.Security.Authentication;
using AvatarStream.ServiceDefaults.InternalAuth;
using Dapr;
using Dapr.Actors;
using Grpc.Core;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AvatarStream.ServiceDefaults;

/// <summary>
/// A sidecar, state store, secret store or actor that fails is an outage on our side, not a bug in the request: answer
/// 503 with a problem the client can retry on, instead of a bare 500.
/// </summary>
public sealed class DependencyExceptionHandler(ILogger<DependencyExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not (DaprException or DaprApiException or ActorMethodInvocationException or RpcException
            or HttpRequestException or AuthenticationException or TimeoutException or SecretUnusableException))
        {
            return false;
        }

        ServiceDefaultsLog.DependencyFailed(logger, exception, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        await Results.Problem(
            detail: "The state store, the secret store, an actor or the sidecar did not answer; try again.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Dependency unavailable",
            type: ProblemTypes.DependencyUnavailable).ExecuteAsync(httpContext);
        return true;
    }
}
