using AvatarStream.DevSidecar.Metadata;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AvatarStream.DevSidecar.Grpc;

public static class GrpcServices
{
    public static IServiceCollection AddSidecarGrpc(this IServiceCollection services)
    {
        services.AddGrpc(o => o.Interceptors.Add<ApiTokenInterceptor>());
        // An actor runtime registers its own source; registered before or after this line, it wins.
        services.TryAddSingleton<IActiveActorsSource, NoActiveActors>();
        services.AddSingleton<SidecarMetadata>();
        return services;
    }

    public static IEndpointRouteBuilder MapSidecarGrpc(this IEndpointRouteBuilder app)
    {
        app.MapGrpcService<DaprGrpcService>();
        return app;
    }
}
