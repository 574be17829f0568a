namespace AvatarStream.DevSidecar.Secrets;

// A secret store could not answer: the secret is missing, or the store's source is unreadable.
public sealed class SecretStoreException : Exception
{
    public SecretStoreException() { }

    public SecretStoreException(string message) : base(message) { }

    public SecretStoreException(string message, Exception innerException) : base(message, innerException) { }
}
