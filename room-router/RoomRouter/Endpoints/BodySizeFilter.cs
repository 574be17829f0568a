namespace AvatarStream.RoomRouter.Endpoints;

// Refuses a declared body over MaxBytes before any work, also on calls that read no body.
internal sealed class BodySizeFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Request.ContentLength > JsonBody.MaxBytes
            ? ValueTask.FromResult<object?>(RoomProblems.PayloadTooLarge(JsonBody.MaxBytes))
            : next(context);
}
