namespace AvatarStream.DevSidecar.Bindings;

public static class BindingServices
{
    // Output bindings; the cron input bindings run with the app (AppServices).
    public static IServiceCollection AddSidecarOutputBindings(this IServiceCollection services)
    {
        services.AddSingleton<OutputBindingRegistry>();
        services.AddHostedService<OutputBindingOpener>();
        services.AddSingleton<BindingGrpcApi>();
        return services;
    }
}

// Opens the output binding components when the sidecar starts, as daprd initialises components, so a broken component
// (no rootPath, no host) fails the start with its own message instead of the first call.
internal sealed class OutputBindingOpener(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<OutputBindingRegistry>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
