namespace AvatarStream.DevSidecar.Components;

/// <summary>A Dapr <c>Component</c> as read from YAML (dapr-contract §10).</summary>
public sealed record Component(
    string Name,
    string Type,
    string Version,
    IReadOnlyList<MetadataItem> Metadata,
    IReadOnlyList<string> Scopes,
    string? SecretStore)
{
    /// <summary>The building block, e.g. <c>state</c> for <c>state.redis</c>.</summary>
    public string Block => Type.Split('.', 2)[0];

    public bool IsScopedTo(string appId) => Scopes.Count == 0 || Scopes.Contains(appId, StringComparer.Ordinal);
}

/// <summary>One <c>spec.metadata</c> entry: a value, a secret reference or an environment variable reference.</summary>
public sealed record MetadataItem(string Name, string? Value, SecretKeyRef? SecretKeyRef = null, string? EnvRef = null);

/// <summary>A <c>secretKeyRef</c>: secret <see cref="Name"/>, field <see cref="Key"/> (defaults to the name).</summary>
public sealed record SecretKeyRef(string Name, string? Key);
