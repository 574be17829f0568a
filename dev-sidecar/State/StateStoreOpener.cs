namespace AvatarStream.DevSidecar.State;

// Opens the state components when the sidecar starts, as daprd initialises components, so a broken component
// fails the start with its own message instead of the first state call.
internal sealed class StateStoreOpener(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<StateStoreRegistry>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
