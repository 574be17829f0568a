using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults.InternalAuth;
using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.RoomRouter;

namespace AvatarStream.StreamService.Extensions;

public static class RoomRouterClientExtensions
{
    // The control plane: Dapr client, internal token, room-router calls, put-task at start and periodically,
    // the clients of the rooms hosted before a restart seated again, remove-client on departure.
    public static IHostApplicationBuilder AddRoomRouterClient(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddInternalAuth();
        services.AddSingleton<IRoomRouterClient>(sp => new DaprRoomRouterClient(
            sp.GetRequiredService<DaprInvocationClients>().For(DaprNames.RoomRouter),
            sp.GetRequiredService<IInternalTokenSource>()));
        services.AddSingleton<RoomRestore>();
        services.AddHostedService<AnnounceWorker>();
        services.AddSingleton<DepartureQueue>();
        services.AddSingleton<IClientDepartureSink>(sp => sp.GetRequiredService<DepartureQueue>());
        services.AddHostedService<RemoveClientWorker>();
        return builder;
    }
}
