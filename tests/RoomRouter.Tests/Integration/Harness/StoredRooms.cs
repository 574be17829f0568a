extern alias devsidecar;

using System.Text.Json;
using AvatarStream.RoomRouter.Ledger;
using devsidecar::AvatarStream.DevSidecar.Hosting;

namespace AvatarStream.RoomRouter.Tests.Integration.Harness;

// What the cluster store holds, read behind the router's back: the truth the invariants are checked against.
public static class StoredRooms
{
    // Actor state: {appId}||{type}||{id}||{key}. The ledger: the state.redis component is served from the cluster
    // store under "state||{component}||", then the default keyPrefix (the app-id).
    private const string ActorPrefix = "room-router||RoomActor||";
    private const string LedgerPrefix = "state||statestore||room-router||room-ledger-";

    // The ids of the rooms whose actor has state.
    public static async Task<IReadOnlySet<string>> ActorIdsAsync(SidecarCluster cluster)
    {
        var entries = await cluster.Store.ListAsync(ActorPrefix, CancellationToken.None);
        return entries.Select(e => e.Key[ActorPrefix.Length..].Split("||")[0]).ToHashSet(StringComparer.Ordinal);
    }

    // Every ledger row: room id to its instance and whether it is still pending.
    public static async Task<IReadOnlyDictionary<string, LedgerRow>> LedgerAsync(SidecarCluster cluster)
    {
        var rows = new Dictionary<string, LedgerRow>(StringComparer.Ordinal);
        foreach (var entry in await cluster.Store.ListAsync(LedgerPrefix, CancellationToken.None))
        {
            var index = int.Parse(entry.Key[LedgerPrefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
            var shard = LedgerShardDocument.ToShard(index, JsonSerializer.Deserialize<LedgerShardDocument>(entry.Value.Span, JsonSerializerOptions.Web));
            foreach (var (room, instance) in shard.Rows)
            {
                rows[room.ToString()] = new LedgerRow(instance, shard.Pending.ContainsKey(room.Value), shard.Moving.ContainsKey(room.Value));
            }
        }

        return rows;
    }

    public sealed record LedgerRow(string InstanceId, bool Pending, bool Moving = false);
}
