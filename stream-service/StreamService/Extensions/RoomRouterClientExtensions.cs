using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults.InternalAuth;
using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.RoomRouter;

namespace AvatarStream.StreamService.Extensions;

public static class RoomRouterClientExtensions
{
    // The control plane: Dapr client, internal token, room-router calls, put-task at start and as a heartbeat with the
    // placement era it answers, remove-client on departure, record-room for a member's record, and the drain when the host stops.
    public static IHostApplicationBuilder AddRoomRouterClient(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddInternalAuth();
        services.AddSingleton<IRoomRouterClient>(sp => new DaprRoomRouterClient(
            sp.GetRequiredService<DaprInvocationClients>().For(DaprNames.RoomRouter),
            sp.GetRequiredService<IInternalTokenSource>()));
        services.AddSingleton<Placement>();
        services.AddSingleton<AnnounceWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<AnnounceWorker>());
        services.AddSingleton<InstanceDrain>();
        services.AddHostedService(sp => sp.GetRequiredService<InstanceDrain>());
        services.AddSingleton<DepartureQueue>();
        services.AddSingleton<IClientDepartureSink>(sp => sp.GetRequiredService<DepartureQueue>());
        services.AddHostedService<RemoveClientWorker>();
        services.AddSingleton<RecordRequestQueue>();
        services.AddSingleton<IRecordingRequests>(sp => sp.GetRequiredService<RecordRequestQueue>());
        services.AddHostedService<RecordRoomWorker>();
        return builder;
    }
}
