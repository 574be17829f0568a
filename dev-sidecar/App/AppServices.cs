using AvatarStream.DevSidecar.Actors;
using AvatarStream.DevSidecar.Bindings;
using AvatarStream.DevSidecar.Hosting;
using AvatarStream.DevSidecar.Invocation;
using AvatarStream.DevSidecar.Metadata;

namespace AvatarStream.DevSidecar.App;

// The app-facing half of the sidecar: app channel and registration, service invocation, actors, cron bindings.
public static class AppServices
{
    public static IServiceCollection AddSidecarApp(this IServiceCollection services)
    {
        services.AddSingleton(sp => new SidecarIdentity(sp.GetRequiredService<SidecarOptions>().AppId));
        services.AddSingleton<AppChannel>();
        services.AddSingleton(sp => new ClusterToken(sp.GetRequiredService<SidecarCluster>().Store));
        services.AddSingleton<PeerChannel>();
        services.AddSingleton<AppRegistrar>();
        services.AddHostedService(sp => sp.GetRequiredService<AppRegistrar>());

        services.AddSingleton<AppInvoker>();
        services.AddSingleton<InvocationForwarder>();

        services.AddSingleton<ActiveActors>();
        services.AddSingleton<IActiveActorsSource>(sp => sp.GetRequiredService<ActiveActors>());
        services.AddSingleton<ActorRouter>();
        services.AddSingleton<ActorInvoker>();
        services.AddSingleton<ActorTimers>();
        services.AddSingleton(sp => new ActorStateStore(sp.GetRequiredService<SidecarCluster>().Store));
        services.AddSingleton(sp => new ReminderStore(sp.GetRequiredService<SidecarCluster>().Store));
        services.AddSingleton<ReminderScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderScheduler>());
        services.AddHostedService<IdleDeactivator>();

        services.AddHostedService<CronBindings>();
        return services;
    }
}
