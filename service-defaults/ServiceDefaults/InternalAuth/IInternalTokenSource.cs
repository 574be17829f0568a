namespace AvatarStream.ServiceDefaults.InternalAuth;

/// <summary>The bearer token of internal calls (put-task, remove-client, register, evict).</summary>
public interface IInternalTokenSource
{
    public ValueTask<string> GetAsync(CancellationToken cancellationToken);
}
