using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace AvatarStream.ServiceDefaults.InternalAuth;

/// <summary>Lets an internal call through only with the internal token: 401 problem details otherwise.</summary>
public sealed class InternalTokenFilter(IInternalTokenSource tokens, ILogger<InternalTokenFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        string expected;
        try
        {
            expected = await tokens.GetAsync(http.RequestAborted);
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

        if (!InternalToken.Matches(http.Request.Headers[HeaderNames.Authorization], expected))
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
