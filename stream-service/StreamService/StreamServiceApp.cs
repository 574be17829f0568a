using AvatarStream.ServiceDefaults;
using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.Endpoints;
using AvatarStream.StreamService.Extensions;

namespace AvatarStream.StreamService;

// Builds a stream instance; Program runs it, and the one-command local run hosts it in-process.
public static class StreamServiceApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = ServiceDefaultsExtensions.CreateServiceBuilder(args, typeof(StreamServiceApp), RelayMetrics.MeterName);
        builder.AddStreamRelay();
        builder.AddRoomRouterClient();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.UseStreamRelay();
        app.UseRateLimiter();
        app.MapRegister();
        app.MapPlaceRoom();
        app.MapNotify();
        app.MapDrain();
        app.MapStreamSocket();
        return app;
    }
}
