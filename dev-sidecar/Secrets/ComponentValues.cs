using AvatarStream.DevSidecar.Components;
using AvatarStream.DevSidecar.Hosting;

namespace AvatarStream.DevSidecar.Secrets;

// Reads a component's metadata values as daprd does at component init: an override from
// MetadataOverrides first, else value (with {appID}, {uuid},
// {namespace}, {podName} filled in), envRef, or secretKeyRef read from the secret store
// named by the component's auth.secretStore.
public sealed class ComponentValues(SidecarOptions options, SecretStoreRegistry secretStores)
{
    // The value of metadata key (matched case-insensitively), or null when the component has no
    // such item. Throws InvalidDataException when a secretKeyRef cannot be resolved.
    public string? Resolve(Component component, string key)
    {
        if (ResolveWithoutSecrets(component, key, options) is { } plain)
        {
            return plain;
        }

        return Item(component, key)?.SecretKeyRef is { } secretRef ? ReadSecret(component, key, secretRef) : null;
    }

    // Resolve for callers that cannot use secrets (secret stores themselves): a secretKeyRef gives null.
    public static string? ResolveWithoutSecrets(Component component, string key, SidecarOptions options)
    {
        if (options.MetadataOverrides.TryGetValue((component.Name, key), out var overridden))
        {
            return overridden;
        }

        return Item(component, key) switch
        {
            { Value: { } value } => FillTemplates(value, options.AppId),
            { EnvRef: { Length: > 0 } variable } => Environment.GetEnvironmentVariable(variable),
            _ => null,
        };
    }

    private string ReadSecret(Component component, string key, SecretKeyRef secretRef)
    {
        string Fail(string why) =>
            throw new InvalidDataException($"component '{component.Name}', metadata '{key}': {why}");

        if (string.IsNullOrEmpty(component.SecretStore))
        {
            return Fail("secretKeyRef needs auth.secretStore naming a secret store component");
        }

        var store = secretStores.Find(component.SecretStore) ?? throw new InvalidDataException(
            $"component '{component.Name}', metadata '{key}': secret store '{component.SecretStore}' does not exist");
        IReadOnlyDictionary<string, string> secret;
        try
        {
            secret = store.Get(secretRef.Name);
        }
        catch (SecretStoreException e)
        {
            return Fail($"cannot read secret '{secretRef.Name}' from '{component.SecretStore}': {e.Message}");
        }

        // As daprd: the field defaults to the secret's own name, which is how plain (single-value) secrets are keyed.
        var field = string.IsNullOrEmpty(secretRef.Key) ? secretRef.Name : secretRef.Key;
        return secret.TryGetValue(field, out var value)
            ? value
            : Fail($"secret '{secretRef.Name}' in '{component.SecretStore}' has no key '{field}'");
    }

    private static MetadataItem? Item(Component component, string key) =>
        component.Metadata.FirstOrDefault(m => string.Equals(m.Name, key, StringComparison.OrdinalIgnoreCase));

    private static string FillTemplates(string value, string appId) =>
        !value.Contains('{', StringComparison.Ordinal)
            ? value
            : value
                .Replace("{appID}", appId, StringComparison.Ordinal)
                .Replace("{uuid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{namespace}", Environment.GetEnvironmentVariable("NAMESPACE") ?? "", StringComparison.Ordinal)
                .Replace("{podName}", Environment.GetEnvironmentVariable("POD_NAME") ?? Environment.MachineName, StringComparison.Ordinal);
}
