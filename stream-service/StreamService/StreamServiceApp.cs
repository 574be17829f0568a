using AvatarStream.ServiceDefaults;
using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.Endpoints;
using AvatarStream.StreamService.Extensions;

namespace AvatarStream.StreamService;

/// <summary>Builds a stream instance; <c>Program</c> runs it, and the one-command local run hosts it in-process.</summary>
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
        app.MapRegister();
        app.MapStreamSocket();
        return app;
    }
}
