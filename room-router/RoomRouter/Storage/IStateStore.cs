namespace AvatarStream.RoomRouter.Storage;

// The slice of the Dapr state API the router needs: reads with ETags and compare-and-swap writes.
public interface IStateStore
{
    // The value (default when absent) and its ETag (empty when absent).
    public Task<(T? Value, string ETag)> GetAsync<T>(string key, CancellationToken cancellationToken);

    // Writes only if the stored ETag still equals etag; an empty ETag means "only if absent".
    // False when someone else wrote first.
    public Task<bool> TrySaveAsync<T>(string key, T value, string etag, CancellationToken cancellationToken);

    // Reads several keys in one round trip; absent keys come back with a default value.
    public Task<IReadOnlyDictionary<string, T?>> GetManyAsync<T>(IReadOnlyList<string> keys, CancellationToken cancellationToken);
}
