namespace AvatarStream.DevSidecar.Actors;

// Dapr's turn-based concurrency for one actor (dapr-contract §5.5): one call at a time, waiting callers served in
// arrival order. A call carrying the reentrancy id of the chain that holds the lock enters at once, one level deeper,
// up to the type's maximum stack depth. Method calls, timer and reminder fires and deactivation all take turns here.
public sealed class ActorTurnLock
{
    private readonly Lock _gate = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private string? _chain;
    private int _depth;

    // Waits for this caller's turn; dispose the result to end it.
    // Throws ActorStackDepthExceededException when a reentrant call would go deeper than maxDepth.
    public async ValueTask<IDisposable> EnterAsync(string? reentrancyId, int maxDepth, CancellationToken cancellationToken)
    {
        LinkedListNode<Waiter> node;
        lock (_gate)
        {
            if (_depth == 0)
            {
                _depth = 1;
                _chain = reentrancyId;
                return new Turn(this);
            }

            if (reentrancyId is not null && reentrancyId == _chain)
            {
                if (_depth >= maxDepth)
                {
                    throw new ActorStackDepthExceededException(maxDepth);
                }

                _depth++;
                return new Turn(this);
            }

            node = _waiters.AddLast(new Waiter(reentrancyId));
        }

        await using (cancellationToken.Register(() => Abandon(node)))
        {
            await node.Value.Granted.Task;
        }

        return new Turn(this);
    }

    private void Abandon(LinkedListNode<Waiter> node)
    {
        lock (_gate)
        {
            // Once handed the lock, a waiter is off the list and must take (and release) its turn.
            if (node.List is null)
            {
                return;
            }

            _waiters.Remove(node);
        }

        node.Value.Granted.TrySetCanceled();
    }

    private void Exit()
    {
        Waiter? next = null;
        lock (_gate)
        {
            if (--_depth > 0)
            {
                return;
            }

            _chain = null;
            if (_waiters.First is { } first)
            {
                // Ownership moves under the gate, so no newcomer can slip in ahead of the queue.
                _waiters.RemoveFirst();
                _depth = 1;
                _chain = first.Value.ReentrancyId;
                next = first.Value;
            }
        }

        next?.Granted.TrySetResult();
    }

    private sealed class Waiter(string? reentrancyId)
    {
        public string? ReentrancyId { get; } = reentrancyId;

        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Turn(ActorTurnLock owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Exit();
            }
        }
    }
}
