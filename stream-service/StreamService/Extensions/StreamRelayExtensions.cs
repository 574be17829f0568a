using AvatarStream.ServiceDefaults;
using AvatarStream.ServiceDefaults.Tickets;
using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.Endpoints;
using AvatarStream.StreamService.RoomRouter;
using AvatarStream.StreamService.Tickets;
using Microsoft.Extensions.Options;

namespace AvatarStream.StreamService.Extensions;

public static class StreamRelayExtensions
{
    // Options, the room runtime, its metrics and the upgrade rate limit.
    public static IHostApplicationBuilder AddStreamRelay(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<RelayOptions>().BindConfiguration(RelayOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StreamOptions>().BindConfiguration(RelayOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<StreamOptions>, StreamOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<RelayMetrics>();
        services.AddUpgradeRateLimit();
        services.AddExceptionHandler<DependencyExceptionHandler>();
        services.AddTicketKeys();
        services.AddSingleton<UsedTickets>();
        services.AddSingleton<TicketGate>();
        services.AddSingleton(sp => new RoomRegistry(
            sp.GetRequiredService<IOptions<RelayOptions>>().Value,
            sp.GetRequiredService<IClientDepartureSink>(),
            sp.GetRequiredService<IRecordingRequests>(),
            sp.GetRequiredService<RelayMetrics>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<RoomRegistry>>()));
        return builder;
    }

    // WebSockets with keep-alive pings. When the host stops, InstanceDrain closes every socket with 1001 (each is aborted
    // after the close timeout, so Kestrel's graceful stop, which waits for upgraded connections, ends within that bound).
    public static WebApplication UseStreamRelay(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<StreamOptions>>().Value;
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = options.KeepAliveInterval, KeepAliveTimeout = options.KeepAliveTimeout });
        return app;
    }
}
