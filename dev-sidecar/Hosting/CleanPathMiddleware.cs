using System.Text.RegularExpressions;

namespace AvatarStream.DevSidecar.Hosting;

// The actor SDK calls //v1.0/actors/... (its endpoint always ends in '/'); daprd collapses repeated
// slashes and so do we, before routing sees the path.
public static partial class CleanPathMiddleware
{
    public static IApplicationBuilder UseCleanPath(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var path = context.Request.Path.Value;
            if (path is not null && path.Contains("//", StringComparison.Ordinal))
            {
                context.Request.Path = new PathString(RepeatedSlashes().Replace(path, "/"));
            }

            return next(context);
        });

    [GeneratedRegex("/{2,}")]
    private static partial Regex RepeatedSlashes();
}
