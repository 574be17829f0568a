using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Storage;

namespace AvatarStream.RoomRouter.Recordings;

// Recording metadata in the state store: one document per recording, and per room the ids of its recordings, so that a
// recipient can find its links again after the room ended. Every change is a compare-and-swap.
internal sealed class RecordingStore(IStateStore store)
{
    private const int UpdateAttempts = 32;

    public async Task<RecordingDocument?> GetAsync(string recordingId, CancellationToken cancellationToken) =>
        (await store.GetAsync<RecordingDocument>(Key(recordingId), cancellationToken)).Value;

    public async Task AddAsync(RecordingDocument recording, CancellationToken cancellationToken)
    {
        await UpdateAsync<RecordingDocument>(Key(recording.Id), _ => recording, cancellationToken);
        await UpdateAsync<List<string>>(
            RoomKey(recording.RoomId),
            ids => ids?.Contains(recording.Id, StringComparer.Ordinal) == true ? null : [.. ids ?? [], recording.Id],
            cancellationToken);
    }

    // Applies change to the stored recording; null from change, or no recording, leaves it as it is.
    public Task UpdateAsync(string recordingId, Func<RecordingDocument, RecordingDocument?> change, CancellationToken cancellationToken) =>
        UpdateAsync<RecordingDocument>(Key(recordingId), stored => stored is null ? null : change(stored), cancellationToken);

    // The room's recordings that clientId is a recipient of, newest first.
    public async Task<IReadOnlyList<RecordingDocument>> OfRecipientAsync(string roomId, string clientId, CancellationToken cancellationToken)
    {
        var ids = (await store.GetAsync<List<string>>(RoomKey(roomId), cancellationToken)).Value ?? [];
        var recordings = await store.GetManyAsync<RecordingDocument>(ids.Select(Key).ToList(), cancellationToken);
        return recordings.Values
            .Where(r => r is not null && r.RoomId == roomId && r.Recipients.Contains(clientId, StringComparer.Ordinal))
            .Select(r => r!)
            .OrderByDescending(r => r.StartedAt)
            .ToList();
    }

    private async Task UpdateAsync<T>(string key, Func<T?, T?> change, CancellationToken cancellationToken)
        where T : class
    {
        var (done, _) = await store.TryUpdateAsync(key, (T? stored) => (true, change(stored)), UpdateAttempts, cancellationToken);
        if (!done)
        {
            throw new InvalidOperationException($"State key {key} stayed too contended to update.");
        }
    }

    private static string Key(string recordingId) => "recording-" + recordingId;

    private static string RoomKey(string roomId) => "room-recordings-" + roomId;

    // A recording id: 128 random bits, base64url: only its exact link reaches it.
    public static string NewId() => System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
