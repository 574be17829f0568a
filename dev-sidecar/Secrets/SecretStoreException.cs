namespace AvatarStream.DevSidecar.Secrets;

/// <summary>A secret store could not answer: the secret is missing, or the store's source is unreadable.</summary>
public sealed class SecretStoreException : Exception
{
    public SecretStoreException() { }

    public SecretStoreException(string message) : base(message) { }

    public SecretStoreException(string message, Exception innerException) : base(message, innerException) { }
}
