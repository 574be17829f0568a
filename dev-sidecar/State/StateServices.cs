namespace AvatarStream.DevSidecar.State;

public static class StateServices
{
    public static IServiceCollection AddSidecarState(this IServiceCollection services)
    {
        services.AddSingleton<StateStoreRegistry>();
        services.AddHostedService<StateStoreOpener>();
        services.AddSingleton<StateGrpcApi>();
        return services;
    }
}
