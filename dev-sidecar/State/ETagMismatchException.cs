namespace AvatarStream.DevSidecar.State;

// A write's ETag or first-write condition did not hold; the store changed nothing.
public sealed class ETagMismatchException : Exception
{
    public ETagMismatchException() : base("possible etag mismatch. error from state store") { }

    public ETagMismatchException(string key) : base($"possible etag mismatch on key '{key}'. error from state store") { }

    public ETagMismatchException(string message, Exception innerException) : base(message, innerException) { }
}
