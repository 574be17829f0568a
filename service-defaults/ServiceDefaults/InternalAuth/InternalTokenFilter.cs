using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace AvatarStream.ServiceDefaults.InternalAuth;

/// <summary>Lets an internal call through only with the internal token: 401 problem details otherwise.</summary>
public sealed partial class InternalTokenFilter(IInternalTokenSource tokens, ILogger<InternalTokenFilter> logger) : IEndpointFilter
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
            TokenUnavailable(logger, exception);
            return TypedResults.Problem(
                "The internal token could not be read from the secret store.",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Token unavailable",
                type: ProblemTypes.DependencyUnavailable);
        }

        if (!InternalToken.Matches(http.Request.Headers[HeaderNames.Authorization], expected))
        {
            CallRejected(logger, http.Request.Path);
            return TypedResults.Problem(
                "This call needs the internal bearer token.",
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized",
                type: ProblemTypes.Unauthorized);
        }

        return await next(context);
    }

    [LoggerMessage(9001, LogLevel.Warning, "Internal call to {Path} rejected: missing or wrong token")]
    static partial void CallRejected(ILogger logger, string path);

    [LoggerMessage(9002, LogLevel.Error, "Reading the internal token from the secret store failed")]
    static partial void TokenUnavailable(ILogger logger, Exception exception);
}
