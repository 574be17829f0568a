using Microsoft.Extensions.FileProviders;

namespace AvatarStream.RoomRouter.Web;

// Serves the browser page at / and its files at /web/*. The files are embedded in this assembly
// (Web/Page/**), so the page works whatever the content root is: its own process or hosted in-process by devhost.
public static class WebPageEndpoints
{
    private static readonly EmbeddedFileProvider Files =
        new(typeof(WebPageEndpoints).Assembly, "AvatarStream.RoomRouter.Web.Page");

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
    };

    public static IEndpointRouteBuilder MapWebPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext http) => Serve(http, "index.html")).ExcludeFromDescription();
        app.MapGet("/web/{file}", (HttpContext http, string file) => Serve(http, file)).ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(HttpContext http, string file)
    {
        var extension = Path.GetExtension(file);
        if (file.Contains('/', StringComparison.Ordinal) || file.Contains('\\', StringComparison.Ordinal) ||
            !ContentTypes.TryGetValue(extension, out var contentType))
        {
            return Results.NotFound();
        }

        var info = Files.GetFileInfo(file);
        if (!info.Exists)
        {
            return Results.NotFound();
        }

        // The page is small and changes with the build: revalidate rather than cache for long.
        http.Response.Headers.CacheControl = "no-cache";
        PageHeaders.Apply(http.Response.Headers);
        return Results.Stream(info.CreateReadStream(), contentType, lastModified: info.LastModified);
    }
}
