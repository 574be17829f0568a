namespace AvatarStream.RoomRouter.Endpoints;

// Problems written by the framework itself (405, unknown path, exceptions) get a human detail too.
internal static class FrameworkProblemDetails
{
    public static void AddDetail(ProblemDetailsOptions options)
    {
        var earlier = options.CustomizeProblemDetails;
        options.CustomizeProblemDetails = context =>
        {
            earlier?.Invoke(context);
            var request = context.HttpContext.Request;
            context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
            {
                StatusCodes.Status405MethodNotAllowed => $"{request.Method} is not allowed on {request.Path}.",
                StatusCodes.Status404NotFound => $"Nothing is served at {request.Path}.",
                _ => "The request could not be completed.",
            };
        };
    }
}
