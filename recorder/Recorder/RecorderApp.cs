using AvatarStream.ServiceDefaults;
using AvatarStream.ServiceDefaults.InternalAuth;
using Microsoft.Extensions.Options;

namespace AvatarStream.Recorder;

// Builds the recorder; Program runs it, and the one-command local run hosts it in-process.
public static class RecorderApp
{
    public const string MeterName = "AvatarStream.Recorder";

    public static WebApplication Build(string[] args)
    {
        var builder = ServiceDefaultsExtensions.CreateServiceBuilder(args, typeof(RecorderApp), MeterName);
        var services = builder.Services;
        services.AddOptions<RecorderOptions>().BindConfiguration(RecorderOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddInternalAuth();
        services.AddSingleton<IRecordingStorage, DaprRecordingStorage>();
        services.AddSingleton<IRouterReports, DaprRouterReports>();
        services.AddSingleton<RecordingSessions>();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapRecordings();

        // A recording cut short by a shutdown is still written and reported, within the host's shutdown time.
        var sessions = app.Services.GetRequiredService<RecordingSessions>();
        app.Lifetime.ApplicationStopping.Register(() => sessions.StopAllAsync().Wait(app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout));
        return app;
    }
}
