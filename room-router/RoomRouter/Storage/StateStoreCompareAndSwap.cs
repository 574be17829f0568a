namespace AvatarStream.RoomRouter.Storage;

// Every shared document has several writers (replicas, the repair, evictions), so it is only ever changed by
// compare-and-swap: read it with its ETag, apply the change, save only if nobody wrote in between, else start over.
internal static class StateStoreCompareAndSwap
{
    // change gets the freshly read document (null when absent) on every attempt and returns its result with the
    // document to save, or null when nothing changed and nothing needs saving. Done is false after `attempts` lost races.
    public static async Task<(bool Done, TResult? Result)> TryUpdateAsync<TDocument, TResult>(
        this IStateStore store,
        string key,
        Func<TDocument?, (TResult Result, TDocument? Changed)> change,
        int attempts,
        CancellationToken cancellationToken)
        where TDocument : class
    {
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            var (document, etag) = await store.GetAsync<TDocument>(key, cancellationToken);
            var (result, changed) = change(document);
            if (changed is null || await store.TrySaveAsync(key, changed, etag, cancellationToken))
            {
                return (true, result);
            }
        }

        return (false, default);
    }
}
