using AvatarStream.IpUpdater.Sweep;
using AvatarStream.ServiceDefaults;

namespace AvatarStream.IpUpdater;

/// <summary>Builds the IP updater; <c>Program</c> runs it, and the one-command local run hosts it in-process.</summary>
public static class IpUpdaterApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(IpUpdaterApp).Assembly.GetName().Name,
        });
        builder.AddServiceDefaults();
        builder.AddInstanceSweep();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapInstanceSweep();
        return app;
    }
}
