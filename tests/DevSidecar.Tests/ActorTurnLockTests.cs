using AvatarStream.DevSidecar.Actors;

namespace AvatarStream.DevSidecar.Tests;

// The per-actor turn lock (dapr-contract §5.5): FIFO, one turn at a time, reentrant by chain id.
public sealed class ActorTurnLockTests
{
    [Fact]
    public async Task ActorTurnLock_ServesWaitersInArrivalOrder()
    {
        var turnLock = new ActorTurnLock();
        var order = new List<int>();
        var first = await turnLock.EnterAsync(null, 32, default);
        var waiters = Enumerable.Range(1, 5).Select(async i =>
        {
            using var turn = await turnLock.EnterAsync(null, 32, default);
            lock (order)
            {
                order.Add(i);
            }
        }).ToArray();

        first.Dispose();
        await Task.WhenAll(waiters);

        Assert.Equal([1, 2, 3, 4, 5], order);
    }

    [Fact]
    public async Task ActorTurnLock_SameChain_EntersAtOnce_OtherChainsWait()
    {
        var turnLock = new ActorTurnLock();
        using var outer = await turnLock.EnterAsync("chain-1", 32, default);

        var sameChain = turnLock.EnterAsync("chain-1", 32, default);
        var otherChain = turnLock.EnterAsync("chain-2", 32, default);

        Assert.True(sameChain.IsCompletedSuccessfully);
        Assert.False(otherChain.IsCompleted);
        (await sameChain).Dispose();
        Assert.False(otherChain.IsCompleted);
        outer.Dispose();
        (await otherChain).Dispose();
    }

    [Fact]
    public async Task ActorTurnLock_ReentrancyDeeperThanTheLimit_Throws()
    {
        var turnLock = new ActorTurnLock();
        using var one = await turnLock.EnterAsync("c", 2, default);
        using var two = await turnLock.EnterAsync("c", 2, default);

        await Assert.ThrowsAsync<ActorStackDepthExceededException>(async () => await turnLock.EnterAsync("c", 2, default));
    }

    [Fact]
    public async Task ActorTurnLock_CancelledWaiter_LeavesTheQueue()
    {
        var turnLock = new ActorTurnLock();
        var first = await turnLock.EnterAsync(null, 32, default);
        using var cancel = new CancellationTokenSource();
        var cancelled = turnLock.EnterAsync(null, 32, cancel.Token).AsTask();
        var next = turnLock.EnterAsync(null, 32, default).AsTask();

        await cancel.CancelAsync();
        first.Dispose();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        (await next).Dispose();
    }
}
