using AvatarStream.DevSidecar.Components;
using AvatarStream.DevSidecar.Hosting;
using AvatarStream.DevSidecar.Secrets;
using AvatarStream.DevSidecar.State;

namespace AvatarStream.DevSidecar.Bindings;

// The output binding components this sidecar serves, by name: every bindings.* component scoped to its app except
// bindings.cron (input only here). bindings.localstorage and bindings.smtp are served; any other type is logged once
// and fails every call. A component with bad metadata stops the start, as a failing component init stops daprd.
public sealed class OutputBindingRegistry
{
    private readonly Dictionary<string, IOutputBinding> _byName = new(StringComparer.Ordinal);
    private readonly ILogger<OutputBindingRegistry> _logger;

    public OutputBindingRegistry(
        IReadOnlyList<Component> components,
        ComponentValues values,
        SidecarCluster cluster,
        ILogger<OutputBindingRegistry> logger)
    {
        _logger = logger;
        foreach (var component in components.Where(c => c.Block == "bindings" && c.Type != CronBindings.ComponentType))
        {
            if (!_byName.TryAdd(component.Name, Open(component, values, cluster, logger)))
            {
                throw new InvalidDataException($"more than one binding component is named '{component.Name}'");
            }
        }
    }

    public IOutputBinding? Find(string name) => _byName.GetValueOrDefault(name);

    // Runs one invocation; every refusal and failure is a BindingException with daprd's message.
    public async Task<OutputBindingResponse> InvokeAsync(string name, OutputBindingRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var binding = Find(name) ?? throw new BindingException($"couldn't find output binding {name}");
            if (binding.Operations.Count > 0 && !binding.Operations.Contains(request.Operation, StringComparer.Ordinal))
            {
                throw new BindingException(request.Operation.Length == 0
                    ? "operation field is missing from request"
                    : $"binding {name} does not support operation {request.Operation}. supported operations: {string.Join(' ', binding.Operations)}");
            }

            return await binding.InvokeAsync(request, cancellationToken);
        }
        catch (BindingException e)
        {
            BindingLog.InvocationFailed(_logger, name, request.Operation, e.Message);
            throw new BindingException($"error invoking output binding {name}: {e.Message}", e);
        }
    }

    private static IOutputBinding Open(Component component, ComponentValues values, SidecarCluster cluster, ILogger logger)
    {
        string? Value(string key) => values.Resolve(component, key) is { Length: > 0 } value ? value : null;
        string Required(string key) =>
            Value(key) ?? throw new InvalidDataException($"binding '{component.Name}' ({component.Type}) has no {key}");

        switch (component.Type)
        {
            case LocalStorageBinding.ComponentType:
                return new LocalStorageBinding(component.Name, Required("rootPath"), logger);
            case SmtpBinding.ComponentType:
                Required("host");
                if (!int.TryParse(Required("port"), out _))
                {
                    throw new InvalidDataException($"binding '{component.Name}' ({component.Type}): port is not a number");
                }

                var defaults = new SmtpDefaults(Value("emailFrom"), Value("emailTo"), Value("emailCC"), Value("emailBCC"), Value("subject"), Value("priority"));
                return new SmtpBinding(component.Name, Value("outboxPath") ?? DefaultOutbox(cluster), defaults, cluster.Time, logger);
            default:
                BindingLog.UnsupportedBinding(logger, component.Name, component.Type);
                return new UnsupportedOutputBinding(component.Name, component.Type);
        }
    }

    // outbox beside the cluster's SQLite file; with an in-memory cluster, outbox in the working directory.
    private static string DefaultOutbox(SidecarCluster cluster) =>
        cluster.Store is SqliteStateStore sqlite && Path.GetDirectoryName(sqlite.Path) is { Length: > 0 } folder
            ? Path.Combine(folder, "outbox")
            : Path.GetFullPath("outbox");
}
