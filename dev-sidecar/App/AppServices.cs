namespace AvatarStream.DevSidecar.App;

public static class AppServices
{
    public static IServiceCollection AddSidecarApp(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapInvocation(this IEndpointRouteBuilder app) => app;

    public static IEndpointRouteBuilder MapActors(this IEndpointRouteBuilder app) => app;
}
