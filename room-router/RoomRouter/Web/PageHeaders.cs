namespace AvatarStream.RoomRouter.Web;

// Strict headers for the page and its files. The page has no inline script or style, so CSP can forbid both;
// it dials stream instances on other hosts/ports (their URLs come from tickets at run time), hence ws:/wss: in
// connect-src; camera frames go through a canvas and blobs, never through other origins.
internal static class PageHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; " +
        "connect-src 'self' ws: wss:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public const string PermissionsPolicy = "camera=(self), microphone=(self), geolocation=()";

    public static void Apply(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers["Permissions-Policy"] = PermissionsPolicy;
    }
}
