namespace AvatarStream.DevSidecar.Secrets;

/// <summary>A secret store component; every failure (missing secret, unreadable source) is a <see cref="SecretStoreException"/>.</summary>
public interface ISecretStore
{
    /// <summary>The secret <paramref name="name"/>: one or more named values.</summary>
    public IReadOnlyDictionary<string, string> Get(string name);

    /// <summary>Every secret, by name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> GetAll();
}
