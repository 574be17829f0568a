using AvatarStream.ServiceDefaults.InternalAuth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace AvatarStream.RoomRouter.Tests.InternalAuth;

// Helpers for the token tests: a source pinned to one set of tokens, and one call through the real filter.
internal static class TokenSources
{
    public static IInternalTokenSource Pinned(string current, string? next = null) => new PinnedSource(new InternalTokens(current, next));

    // The status the filter answers for a call carrying authorization: 200 when it lets the call through.
    public static async Task<int> FilterAsync(IInternalTokenSource receiver, string? authorization)
    {
        var http = new DefaultHttpContext();
        if (authorization is not null)
        {
            http.Request.Headers.Authorization = authorization;
        }

        var filter = new InternalTokenFilter(receiver, NullLogger<InternalTokenFilter>.Instance);
        var result = await filter.InvokeAsync(new DefaultEndpointFilterInvocationContext(http), _ => ValueTask.FromResult<object?>("passed"));
        return result is IStatusCodeHttpResult { StatusCode: { } status } ? status : StatusCodes.Status200OK;
    }

    // The header a sender puts on its call.
    public static async Task<string> SentAsync(IInternalTokenSource sender) =>
        InternalToken.HeaderValue((await sender.GetAsync(refresh: false, CancellationToken.None)).Current);

    private sealed class PinnedSource(InternalTokens tokens) : IInternalTokenSource
    {
        public ValueTask<InternalTokens> GetAsync(bool refresh, CancellationToken cancellationToken) => ValueTask.FromResult(tokens);
    }
}
