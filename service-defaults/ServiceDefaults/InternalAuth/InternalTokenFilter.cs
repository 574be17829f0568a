using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace AvatarStream.ServiceDefaults.InternalAuth;

/// <summary>
/// Lets an internal call through only with the current or the next internal token: 401 problem details otherwise.
/// </summary>
public sealed class InternalTokenFilter(IInternalTokenSource tokens, ILogger<InternalTokenFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        string? authorization = http.Request.Headers[HeaderNames.Authorization];
        bool accepted;
        try
        {
            // A refused token is checked once more against a fresh read: the caller may have seen a rotation step first.
            accepted = (await tokens.GetAsync(refresh: false, http.RequestAborted)).Accepts(authorization)
                || (await tokens.GetAsync(refresh: true, http.RequestAborted)).Accepts(authorization);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Without the secret nobody can be checked; say so instead of failing open or with a bare 500.
            ServiceDefaultsLog.InternalTokenUnavailable(logger, exception);
            return TypedResults.Problem(
                "The internal token could not be read from the secret store.",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Token unavailable",
                type: ProblemTypes.DependencyUnavailable);
        }

        if (!accepted)
        {
            ServiceDefaultsLog.InternalCallRejected(logger, http.Request.Path);
            return TypedResults.Problem(
                "This call needs the internal bearer token.",
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized",
                type: ProblemTypes.Unauthorized);
        }

        return await next(context);
    }
}
