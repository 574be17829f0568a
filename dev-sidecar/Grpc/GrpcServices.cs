namespace AvatarStream.DevSidecar.Grpc;

public static class GrpcServices
{
    public static IServiceCollection AddSidecarGrpc(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapSidecarGrpc(this IEndpointRouteBuilder app) => app;
}
