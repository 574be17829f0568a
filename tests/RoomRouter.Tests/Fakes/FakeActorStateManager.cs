using System.Text.Json;
using Dapr.Actors.Runtime;

namespace AvatarStream.RoomRouter.Tests.Fakes;

// Actor state in memory, stored as JSON so that what the actor saves must survive serialization.
public sealed class FakeActorStateManager : IActorStateManager
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, string> _state = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Keys => _state.Keys;

    public Task AddStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default) =>
        TryAdd(stateName, value) ? Task.CompletedTask : throw new InvalidOperationException($"State {stateName} exists.");

    public Task AddStateAsync<T>(string stateName, T value, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        AddStateAsync(stateName, value, cancellationToken);

    public async Task<T> GetStateAsync<T>(string stateName, CancellationToken cancellationToken = default) =>
        (await TryGetStateAsync<T>(stateName, cancellationToken)) is { HasValue: true } found
            ? found.Value
            : throw new KeyNotFoundException(stateName);

    public Task SetStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default)
    {
        _state[stateName] = JsonSerializer.Serialize(value, Json);
        return Task.CompletedTask;
    }

    public Task SetStateAsync<T>(string stateName, T value, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        SetStateAsync(stateName, value, cancellationToken);

    public Task RemoveStateAsync(string stateName, CancellationToken cancellationToken = default) =>
        _state.Remove(stateName) ? Task.CompletedTask : throw new KeyNotFoundException(stateName);

    public Task<bool> TryAddStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default) =>
        Task.FromResult(TryAdd(stateName, value));

    public Task<bool> TryAddStateAsync<T>(string stateName, T value, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        TryAddStateAsync(stateName, value, cancellationToken);

    public Task<ConditionalValue<T>> TryGetStateAsync<T>(string stateName, CancellationToken cancellationToken = default) =>
        Task.FromResult(_state.TryGetValue(stateName, out var json)
            ? new ConditionalValue<T>(true, JsonSerializer.Deserialize<T>(json, Json)!)
            : new ConditionalValue<T>(false, default!));

    public Task<bool> TryRemoveStateAsync(string stateName, CancellationToken cancellationToken = default) =>
        Task.FromResult(_state.Remove(stateName));

    public Task<bool> ContainsStateAsync(string stateName, CancellationToken cancellationToken = default) =>
        Task.FromResult(_state.ContainsKey(stateName));

    public async Task<T> GetOrAddStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default)
    {
        TryAdd(stateName, value);
        return await GetStateAsync<T>(stateName, cancellationToken);
    }

    public Task<T> GetOrAddStateAsync<T>(string stateName, T value, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        GetOrAddStateAsync(stateName, value, cancellationToken);

    public async Task<T> AddOrUpdateStateAsync<T>(string stateName, T addValue, Func<string, T, T> updateValueFactory, CancellationToken cancellationToken = default)
    {
        var found = await TryGetStateAsync<T>(stateName, cancellationToken);
        var value = found.HasValue ? updateValueFactory(stateName, found.Value) : addValue;
        await SetStateAsync(stateName, value, cancellationToken);
        return value;
    }

    public Task<T> AddOrUpdateStateAsync<T>(string stateName, T addValue, Func<string, T, T> updateValueFactory, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        AddOrUpdateStateAsync(stateName, addValue, updateValueFactory, cancellationToken);

    public Task ClearCacheAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task SaveStateAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task UnloadStateAsync(string stateName, UnloadStateOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    private bool TryAdd<T>(string stateName, T value) => _state.TryAdd(stateName, JsonSerializer.Serialize(value, Json));
}
