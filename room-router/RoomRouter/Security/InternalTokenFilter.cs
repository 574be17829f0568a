using AvatarStream.RoomRouter.Endpoints;
using Microsoft.Net.Http.Headers;

namespace AvatarStream.RoomRouter.Security;

/// <summary>Lets an internal call through only with the internal token; 401 otherwise.</summary>
internal sealed class InternalTokenFilter(IInternalTokenSource tokens, ILogger<InternalTokenFilter> logger) : IEndpointFilter
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
            RouterLog.TokenUnavailable(logger, exception);
            return RoomProblems.TokenUnavailable();
        }

        if (!BearerToken.Matches(http.Request.Headers[HeaderNames.Authorization], expected))
        {
            RouterLog.InternalCallRejected(logger, http.Request.Path);
            return RoomProblems.Unauthorized();
        }

        return await next(context);
    }
}
