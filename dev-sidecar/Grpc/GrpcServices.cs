namespace AvatarStream.DevSidecar.Grpc;

public static class GrpcServices
{
    public static IServiceCollection AddSidecarGrpc(this IServiceCollection services)
    {
        services.AddGrpc(o => o.Interceptors.Add<ApiTokenInterceptor>());
        return services;
    }

    public static IEndpointRouteBuilder MapSidecarGrpc(this IEndpointRouteBuilder app)
    {
        app.MapGrpcService<DaprGrpcService>();
        return app;
    }
}
