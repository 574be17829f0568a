using System.Text.Json;
using AvatarStream.Contracts;
using Dapr.Client;

namespace AvatarStream.RoomRouter.Storage;

internal sealed class DaprStateStore(DaprClient dapr) : IStateStore
{
    // FirstWrite turns an empty ETag into "insert only if absent", so creating a key is a compare-and-swap too.
    private static readonly StateOptions CompareAndSwap = new()
    {
        Concurrency = ConcurrencyMode.FirstWrite,
        Consistency = ConsistencyMode.Strong,
    };

    public async Task<(T? Value, string ETag)> GetAsync<T>(string key, CancellationToken cancellationToken)
    {
        var (value, etag) = await dapr.GetStateAndETagAsync<T>(
            DaprNames.StateStore, key, ConsistencyMode.Strong, cancellationToken: cancellationToken);
        return (value, etag ?? string.Empty);
    }

    public Task<bool> TrySaveAsync<T>(string key, T value, string etag, CancellationToken cancellationToken) =>
        dapr.TrySaveStateAsync(DaprNames.StateStore, key, value, etag, CompareAndSwap, cancellationToken: cancellationToken);

    public async Task<IReadOnlyDictionary<string, T?>> GetManyAsync<T>(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var items = await dapr.GetBulkStateAsync(DaprNames.StateStore, keys, parallelism: null, cancellationToken: cancellationToken);
        var values = keys.ToDictionary(key => key, _ => default(T));
        foreach (var item in items)
        {
            if (!string.IsNullOrEmpty(item.Value))
            {
                values[item.Key] = JsonSerializer.Deserialize<T>(item.Value, dapr.JsonSerializerOptions);
            }
        }

        return values;
    }
}
