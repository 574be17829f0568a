using AvatarStream.RoomRouter.Endpoints;
using AvatarStream.RoomRouter.Extensions;
using AvatarStream.ServiceDefaults;

namespace AvatarStream.RoomRouter;

// Builds the room router; Program runs it, and the one-command local run hosts it in-process.
public static class RoomRouterApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = ServiceDefaultsExtensions.CreateServiceBuilder(args, typeof(RoomRouterApp), RouterMetrics.MeterName);
        builder.AddRoomRouter();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.UseRateLimiter();
        app.MapOpenApi();
        app.MapActorsHandlers();
        app.MapRoomApi();
        app.MapInternalApi();
        AvatarStream.RoomRouter.Recordings.RecordingEndpoints.MapRecordings(app);
        AvatarStream.RoomRouter.Web.WebPageEndpoints.MapWebPage(app);
        return app;
    }
}
