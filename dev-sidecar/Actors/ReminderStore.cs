using System.Text.Json;
using AvatarStream.DevSidecar.State;

namespace AvatarStream.DevSidecar.Actors;

// Reminders persisted in the cluster store under _devsidecar||reminders||{appId}||{type}||{id}||{name}, so they
// survive a sidecar restart and any sidecar hosting the type can fire them.
public sealed class ReminderStore(IStateStore store)
{
    private const string Prefix = "_devsidecar||reminders||";

    public Task SaveAsync(string appId, Reminder reminder, CancellationToken cancellationToken) =>
        store.ApplyAsync([StateWrite.Upsert(KeyOf(appId, reminder), JsonSerializer.SerializeToUtf8Bytes(reminder))], cancellationToken);

    public async Task<Reminder?> GetAsync(string appId, string actorType, string actorId, string name, CancellationToken cancellationToken) =>
        await store.GetAsync(KeyOf(appId, actorType, actorId, name), cancellationToken) is { } entry ? Read(entry) : null;

    public Task DeleteAsync(string appId, string actorType, string actorId, string name, CancellationToken cancellationToken) =>
        store.ApplyAsync([StateWrite.Delete(KeyOf(appId, actorType, actorId, name))], cancellationToken);

    // Every reminder of appId's actors, each with the ETag to update it conditionally.
    public async Task<IReadOnlyList<(Reminder Reminder, string ETag)>> ListAsync(string appId, CancellationToken cancellationToken)
    {
        var entries = await store.ListAsync(Prefix + appId + "||", cancellationToken);
        return entries.Select(e => (Reminder: Read(e), e.ETag)).Where(r => r.Reminder is not null).Select(r => (r.Reminder!, r.ETag)).ToArray();
    }

    // Replaces the reminder (or deletes it, when next is null) only if it is still the version
    // with etag: a re-registration or delete in the meantime wins.
    public async Task<bool> TryReplaceAsync(string appId, Reminder current, Reminder? next, string etag, CancellationToken cancellationToken)
    {
        var key = KeyOf(appId, current);
        try
        {
            await store.ApplyAsync([next is null ? StateWrite.Delete(key, etag) : StateWrite.Upsert(key, JsonSerializer.SerializeToUtf8Bytes(next), etag)], cancellationToken);
            return true;
        }
        catch (ETagMismatchException)
        {
            return false;
        }
    }

    private static Reminder? Read(StateEntry entry)
    {
        try
        {
            return JsonSerializer.Deserialize<Reminder>(entry.Value.Span);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string KeyOf(string appId, Reminder r) => KeyOf(appId, r.ActorType, r.ActorId, r.Name);

    private static string KeyOf(string appId, string actorType, string actorId, string name) => $"{Prefix}{appId}||{actorType}||{actorId}||{name}";
}
