namespace AvatarStream.DevSidecar.Secrets;

// A secret store component; every failure (missing secret, unreadable source) is a SecretStoreException.
public interface ISecretStore
{
    // The secret name: one or more named values.
    public IReadOnlyDictionary<string, string> Get(string name);

    // Every secret, by name.
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> GetAll();
}
