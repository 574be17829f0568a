namespace AvatarStream.ServiceDefaults.InternalAuth;

/// <summary>The bearer token of internal calls (put-task, remove-client, register, evict).</summary>
public interface IInternalTokenSource
{
    ValueTask<string> GetAsync(CancellationToken cancellationToken);
}
