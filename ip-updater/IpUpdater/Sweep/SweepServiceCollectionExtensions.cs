using AvatarStream.ServiceDefaults.InternalAuth;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AvatarStream.IpUpdater.Sweep;

public static class SweepServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddInstanceSweep(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SweepOptions>().BindConfiguration("Sweep").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddInternalAuth();
        builder.Services.AddSingleton<IRoomRouterAdmin, DaprRoomRouterAdmin>();
        builder.Services.AddSingleton<IInstanceProber, DaprInstanceProber>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<InstanceSweeper>();
        return builder;
    }
}
