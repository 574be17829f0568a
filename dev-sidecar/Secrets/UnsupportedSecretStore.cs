namespace AvatarStream.DevSidecar.Secrets;

// Stands in for a secret store type the development sidecar does not implement; every call fails.
internal sealed class UnsupportedSecretStore(string name, string type) : ISecretStore
{
    public IReadOnlyDictionary<string, string> Get(string name) => throw Unsupported();

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> GetAll() => throw Unsupported();

    private SecretStoreException Unsupported() =>
        new($"secret store {name} has type {type}, which the development sidecar does not implement; use secretstores.local.file");
}
