namespace AvatarStream.RoomRouter.Endpoints;

/// <summary>Refuses a declared body over <see cref="JsonBody.MaxBytes"/> before any work, also on calls that read no body.</summary>
internal sealed class BodySizeFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Request.ContentLength > JsonBody.MaxBytes
            ? ValueTask.FromResult<object?>(RoomProblems.PayloadTooLarge(JsonBody.MaxBytes))
            : next(context);
}
