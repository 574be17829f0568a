using AvatarStream.IpUpdater.Sweep;
using AvatarStream.ServiceDefaults;

namespace AvatarStream.IpUpdater;

// Builds the IP updater; Program runs it, and the one-command local run hosts it in-process.
public static class IpUpdaterApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = ServiceDefaultsExtensions.CreateServiceBuilder(args, typeof(IpUpdaterApp));
        builder.AddInstanceSweep();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapInstanceSweep();
        return app;
    }
}
