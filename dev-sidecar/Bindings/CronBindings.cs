using AvatarStream.DevSidecar.App;
using AvatarStream.DevSidecar.Components;
using AvatarStream.DevSidecar.Hosting;
using AvatarStream.DevSidecar.Secrets;

namespace AvatarStream.DevSidecar.Bindings;

// Runs every bindings.cron component visible to this app (the loader already applied scopes). The schedule is
// metadata schedule and the route metadata route, else the component name, both read through
// ComponentValues (so MetadataOverrides replaces either). A bad component is logged and skipped; it never stops the sidecar.
public sealed class CronBindings(
    IReadOnlyList<Component> components,
    ComponentValues values,
    AppChannel channel,
    AppRegistrar registrar,
    TimeProvider time,
    ILogger<CronBindings> logger) : BackgroundService
{
    public const string ComponentType = "bindings.cron";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var crons = components.Where(c => string.Equals(c.Type, ComponentType, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (crons.Length == 0 || channel.Endpoint is null)
        {
            return;
        }

        // @every counts from binding start, which is now, even though the first POST waits for the app.
        var start = time.GetUtcNow();
        var bindings = crons.Select(c => Create(c, start)).OfType<CronBinding>().ToArray();
        await registrar.AppReachable.WaitAsync(stoppingToken);
        try
        {
            await Task.WhenAll(bindings.Select(b => b.RunAsync(stoppingToken)));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private CronBinding? Create(Component component, DateTimeOffset start)
    {
        string? text, route;
        try
        {
            text = values.Resolve(component, "schedule");
            route = values.Resolve(component, "route");
        }
        catch (InvalidDataException e)
        {
            BindingLog.BadBinding(logger, component.Name, e.Message);
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            BindingLog.BadBinding(logger, component.Name, "metadata 'schedule' is missing");
            return null;
        }

        if (!BindingSchedule.TryParse(text, start, out var schedule, out var error))
        {
            BindingLog.BadBinding(logger, component.Name, error);
            return null;
        }

        return new CronBinding(component.Name, "/" + (route ?? component.Name).TrimStart('/'), text, schedule, channel, time, logger);
    }
}
