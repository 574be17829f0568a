namespace AvatarStream.DevSidecar.Components;

// A Dapr Component as read from YAML (dapr-contract §10).
public sealed record Component(
    string Name,
    string Type,
    string Version,
    IReadOnlyList<MetadataItem> Metadata,
    IReadOnlyList<string> Scopes,
    string? SecretStore)
{
    // The building block, e.g. state for state.redis.
    public string Block => Type.Split('.', 2)[0];

    public bool IsScopedTo(string appId) => Scopes.Count == 0 || Scopes.Contains(appId, StringComparer.Ordinal);
}

// One spec.metadata entry: a value, a secret reference or an environment variable reference.
public sealed record MetadataItem(string Name, string? Value, SecretKeyRef? SecretKeyRef = null, string? EnvRef = null);

// A secretKeyRef: secret Name, field Key (defaults to the name).
public sealed record SecretKeyRef(string Name, string? Key);
