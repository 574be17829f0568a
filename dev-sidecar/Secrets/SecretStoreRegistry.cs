using AvatarStream.DevSidecar.Components;
using AvatarStream.DevSidecar.Hosting;

namespace AvatarStream.DevSidecar.Secrets;

// The secret store components (secretstores.*) this sidecar serves, by name.
public sealed class SecretStoreRegistry
{
    private readonly Dictionary<string, ISecretStore> _byName = new(StringComparer.Ordinal);

    public SecretStoreRegistry(IReadOnlyList<Component> components, SidecarOptions options, ILogger<SecretStoreRegistry> logger)
    {
        foreach (var component in components.Where(c => c.Block == "secretstores"))
        {
            _byName[component.Name] = Open(component, options, logger);
        }
    }

    public bool IsEmpty => _byName.Count == 0;

    public ISecretStore? Find(string name) => _byName.GetValueOrDefault(name);

    private static ISecretStore Open(Component component, SidecarOptions options, ILogger logger)
    {
        if (component.Type != "secretstores.local.file")
        {
            SecretLog.UnsupportedSecretStore(logger, component.Name, component.Type);
            return new UnsupportedSecretStore(component.Name, component.Type);
        }

        // A secret store cannot read its own settings from a secret store, so only plain values and envRef apply.
        var file = ComponentValues.ResolveWithoutSecrets(component, "secretsFile", options);
        if (string.IsNullOrWhiteSpace(file))
        {
            throw new InvalidDataException($"secret store '{component.Name}' (secretstores.local.file) has no secretsFile");
        }

        var separator = ComponentValues.ResolveWithoutSecrets(component, "nestedSeparator", options);
        var multiValued = ComponentValues.ResolveWithoutSecrets(component, "multiValued", options);
        return new LocalFileSecretStore(
            file,
            string.IsNullOrEmpty(separator) ? ":" : separator,
            string.Equals(multiValued, "true", StringComparison.OrdinalIgnoreCase));
    }
}
