using System.Text.Json;
using AvatarStream.RoomRouter.Storage;

namespace AvatarStream.RoomRouter.Tests.Fakes;

// A state store with the ETag rules of Dapr's sqlite store: a new random ETag on every write.
public sealed class InMemoryStateStore : IStateStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Json, string ETag)> _items = new(StringComparer.Ordinal);

    public int LostRaces { get; private set; }

    public Task<(T? Value, string ETag)> GetAsync<T>(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_items.TryGetValue(key, out var item)
                ? (JsonSerializer.Deserialize<T>(item.Json, Json), item.ETag)
                : (default(T), string.Empty));
        }
    }

    public async Task<bool> TrySaveAsync<T>(string key, T value, string etag, CancellationToken cancellationToken)
    {
        // Yield so that concurrent read-modify-write cycles really interleave.
        await Task.Yield();
        lock (_gate)
        {
            var current = _items.TryGetValue(key, out var item) ? item.ETag : string.Empty;
            if (current != etag)
            {
                LostRaces++;
                return false;
            }

            _items[key] = (JsonSerializer.Serialize(value, Json), Guid.NewGuid().ToString("N"));
            return true;
        }
    }

    public async Task<IReadOnlyDictionary<string, T?>> GetManyAsync<T>(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, T?>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            values[key] = (await GetAsync<T>(key, cancellationToken)).Value;
        }

        return values;
    }
}
