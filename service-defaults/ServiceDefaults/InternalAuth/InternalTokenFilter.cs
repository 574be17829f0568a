using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace AvatarStream.ServiceDefaults.InternalAuth;

/// <summary>Guards internal endpoints: 401 problem details unless the caller presents the internal token.</summary>
public static class InternalTokenFilter
{
    public static TBuilder RequireInternalToken<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var source = http.RequestServices.GetRequiredService<IInternalTokenSource>();
            string expected;
            try
            {
                expected = await source.GetAsync(http.RequestAborted);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Without the secret nobody can be checked; say so instead of failing open or with a bare 500.
                return TypedResults.Problem(
                    "the internal token could not be read from the secret store",
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    type: ProblemTypes.Base + "secret-unavailable");
            }

            if (!InternalToken.Matches(http.Request.Headers[HeaderNames.Authorization], expected))
            {
                return TypedResults.Problem(
                    "missing or wrong internal token",
                    statusCode: StatusCodes.Status401Unauthorized,
                    type: ProblemTypes.Unauthorized);
            }

            return await next(context);
        });
}
