namespace AvatarStream.DevSidecar.Hosting;

public static class ApiTokenMiddleware
{
    public static IApplicationBuilder UseApiToken(this IApplicationBuilder app) => app;
}
