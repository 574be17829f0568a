using AvatarStream.RoomRouter.Options;
using AvatarStream.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Endpoints;

// Refuses a call from a web page of another origin before any work, so no foreign page can create or join rooms
// with its visitors' browsers.
internal sealed class OriginFilter(IOptionsMonitor<WebOptions> options) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        OriginCheck.Admits(context.HttpContext.Request, options.CurrentValue.AllowedOrigins)
            ? next(context)
            : ValueTask.FromResult<object?>(OriginCheck.Refusal());
}
