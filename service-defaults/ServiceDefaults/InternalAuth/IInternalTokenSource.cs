namespace AvatarStream.ServiceDefaults.InternalAuth;

/// <summary>The bearer tokens of internal calls (put-task, remove-client, register, evict).</summary>
public interface IInternalTokenSource
{
    /// <summary>
    /// The tokens to send and accept. <paramref name="refresh"/> asks for a new read of the secret store, after a
    /// refused call; a source may still answer from a read it made moments ago.
    /// </summary>
    public ValueTask<InternalTokens> GetAsync(bool refresh, CancellationToken cancellationToken);
}
