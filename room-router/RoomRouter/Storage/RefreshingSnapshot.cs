namespace AvatarStream.RoomRouter.Storage;

// A value loaded from the store and reloaded in the background once older than maxAge. Requests never wait
// for a reload except the very first load, so a hot path pays no round trip for it. Only hints live here (placement,
// shard choice, instance URLs): every decision that guards an invariant is re-checked in the store.
internal sealed class RefreshingSnapshot<T>(
    Func<CancellationToken, Task<T>> load,
    TimeSpan maxAge,
    TimeProvider clock,
    Action<Exception> onBackgroundFailure)
    where T : class
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private T? _current;
    private long _loadedAt;
    private int _backgroundRunning;

    public async ValueTask<T> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _current) is not { } value)
        {
            return await RefreshAsync(cancellationToken);
        }

        if (clock.GetElapsedTime(Volatile.Read(ref _loadedAt)) > maxAge && Interlocked.Exchange(ref _backgroundRunning, 1) == 0)
        {
            _ = RefreshInBackgroundAsync();
        }

        return value;
    }

    // Reloads unless the value is younger than maxAge: a caller that found the snapshot wrong
    // looks again, but a stream of such callers (say, every create while the room limit is reached) costs at most
    // one reload per maxAge.
    public async Task<T> RefreshIfOlderThanAsync(TimeSpan maxAge, CancellationToken cancellationToken) =>
        Volatile.Read(ref _current) is { } value && clock.GetElapsedTime(Volatile.Read(ref _loadedAt)) < maxAge
            ? value
            : await RefreshAsync(cancellationToken);

    // Loads now and waits for it; concurrent callers share one load.
    public async Task<T> RefreshAsync(CancellationToken cancellationToken)
    {
        var before = Volatile.Read(ref _loadedAt);
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref _current) is { } value && Volatile.Read(ref _loadedAt) != before)
            {
                return value;
            }

            var stamp = clock.GetTimestamp();
            var loaded = await load(cancellationToken);
            Volatile.Write(ref _current, loaded);
            Volatile.Write(ref _loadedAt, stamp);
            return loaded;
        }
        finally
        {
            _loading.Release();
        }
    }

    // Applies this replica's own write at once instead of waiting for the next reload.
    public void Update(Func<T, T> change)
    {
        while (Volatile.Read(ref _current) is { } seen)
        {
            if (ReferenceEquals(Interlocked.CompareExchange(ref _current, change(seen), seen), seen))
            {
                return;
            }
        }
    }

    private async Task RefreshInBackgroundAsync()
    {
        try
        {
            await RefreshAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            onBackgroundFailure(exception);
        }
        finally
        {
            Volatile.Write(ref _backgroundRunning, 0);
        }
    }
}
