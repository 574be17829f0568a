namespace AvatarStream.DevSidecar.Secrets;

public static class SecretServices
{
    public static IServiceCollection AddSidecarSecrets(this IServiceCollection services)
    {
        services.AddSingleton<SecretStoreRegistry>();
        services.AddSingleton<ComponentValues>();
        services.AddSingleton<SecretGrpcApi>();
        return services;
    }
}
