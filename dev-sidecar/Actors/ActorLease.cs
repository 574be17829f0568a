namespace AvatarStream.DevSidecar.Actors;

// A hold on an active actor's entry (see Use); disposing it lets go once.
public sealed class ActorLease(ActorEntry entry, Action release) : IDisposable
{
    private int _disposed;

    public ActorEntry Entry { get; } = entry;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            release();
        }
    }
}
