using System.Text.Json;
using AvatarStream.DevSidecar.State;

namespace AvatarStream.DevSidecar.Discovery;

// Name resolution and actor placement for every sidecar that shares one store (in one process, or several processes
// on one SQLite file). Each sidecar keeps its row alive with a short TTL, so a killed process drops out by itself
// within Lease.
public sealed class AppDirectory(IStateStore store, TimeProvider time)
{
    // How long a registration lives without a heartbeat.
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(6);

    // How often a live sidecar renews its registration.
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(2);

    // Reads come on every invocation and actor call; a short cache keeps the store off that path.
    private static readonly TimeSpan CacheFor = TimeSpan.FromMilliseconds(500);
    private const string Prefix = "_devsidecar||apps||";

    private readonly Lock _gate = new();
    private IReadOnlyList<AppRegistration> _cached = [];
    private long? _cachedAt;

    public async Task RegisterAsync(AppRegistration registration, CancellationToken cancellationToken)
    {
        var value = JsonSerializer.SerializeToUtf8Bytes(registration);
        await store.ApplyAsync([StateWrite.Upsert(KeyOf(registration), value, ttl: Lease)], cancellationToken);
        Invalidate();
    }

    public async Task UnregisterAsync(AppRegistration registration, CancellationToken cancellationToken)
    {
        await store.ApplyAsync([StateWrite.Delete(KeyOf(registration))], cancellationToken);
        Invalidate();
    }

    // Every live registration, at most CacheFor old.
    public async Task<IReadOnlyList<AppRegistration>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_cachedAt is { } at && time.GetElapsedTime(at) < CacheFor)
            {
                return _cached;
            }
        }

        var entries = await store.ListAsync(Prefix, cancellationToken);
        var list = entries
            .Select(e => JsonSerializer.Deserialize<AppRegistration>(e.Value.Span))
            .OfType<AppRegistration>()
            .OrderBy(r => r.AppId, StringComparer.Ordinal)
            .ThenBy(r => r.InstanceId, StringComparer.Ordinal)
            .ToArray();
        lock (_gate)
        {
            _cached = list;
            _cachedAt = time.GetTimestamp();
        }

        return list;
    }

    // The live instances of appId (matched case-insensitively, as Dapr does).
    public async Task<IReadOnlyList<AppRegistration>> FindAppAsync(string appId, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken))
            .Where(r => string.Equals(r.AppId, appId, StringComparison.OrdinalIgnoreCase))
            .ToArray();

    // The live instances whose app hosts actorType, in a stable order.
    public async Task<IReadOnlyList<AppRegistration>> FindActorHostsAsync(string actorType, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken))
            .Where(r => r.ActorTypes.Contains(actorType, StringComparer.Ordinal))
            .ToArray();

    public void Invalidate()
    {
        lock (_gate)
        {
            _cachedAt = null;
        }
    }

    private static string KeyOf(AppRegistration r) => Prefix + r.AppId + "||" + r.InstanceId;
}
