namespace AvatarStream.DevSidecar.Metadata;

public static class MetadataServices
{
    public static IServiceCollection AddSidecarMetadata(this IServiceCollection services)
    {
        services.AddSingleton<SidecarMetadata>();
        services.AddSingleton<MetadataGrpcApi>();
        return services;
    }
}
