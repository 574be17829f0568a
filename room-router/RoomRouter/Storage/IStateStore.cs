namespace AvatarStream.RoomRouter.Storage;

/// <summary>The slice of the Dapr state API the router needs: reads with ETags and compare-and-swap writes.</summary>
public interface IStateStore
{
    /// <summary>The value (default when absent) and its ETag (empty when absent).</summary>
    public Task<(T? Value, string ETag)> GetAsync<T>(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Writes only if the stored ETag still equals <paramref name="etag"/>; an empty ETag means "only if absent".
    /// False when someone else wrote first.
    /// </summary>
    public Task<bool> TrySaveAsync<T>(string key, T value, string etag, CancellationToken cancellationToken);

    /// <summary>Reads several keys in one round trip; absent keys come back with a default value.</summary>
    public Task<IReadOnlyDictionary<string, T?>> GetManyAsync<T>(IReadOnlyList<string> keys, CancellationToken cancellationToken);
}
