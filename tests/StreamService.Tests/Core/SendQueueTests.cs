using AvatarStream.StreamService.Core;

namespace AvatarStream.StreamService.Tests.Core;

public sealed class SendQueueTests
{
    private readonly MessagePool _pool = new(64 * 1024);

    [Fact]
    public void FullMediaLaneRefusesFurtherMedia()
    {
        var queue = new SendQueue(2, 16);

        Assert.Equal(EnqueueResult.Queued, queue.TryEnqueue(_pool.Rent(1), MessageClass.Video));
        Assert.Equal(EnqueueResult.Queued, queue.TryEnqueue(_pool.Rent(1), MessageClass.Video));
        Assert.Equal(EnqueueResult.Full, queue.TryEnqueue(_pool.Rent(1), MessageClass.Video));
    }

    [Fact(Timeout = 10_000)]
    public async Task WaitingReaderIsWokenByAnEnqueue()
    {
        var queue = new SendQueue(4, 16);
        var waiting = queue.WaitToReadAsync().AsTask();
        Assert.False(waiting.IsCompleted);

        queue.TryEnqueue(_pool.Rent(1), MessageClass.Video);

        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact(Timeout = 10_000)]
    public async Task CompletingReleasesWhatIsQueuedAndEndsTheReader()
    {
        var queue = new SendQueue(4, 16);
        var message = _pool.Rent(1);
        message.Retain();
        queue.TryEnqueue(message, MessageClass.Video);

        queue.Complete();

        Assert.False(await queue.WaitToReadAsync());
        Assert.Equal(EnqueueResult.Closed, queue.TryEnqueue(_pool.Rent(1), MessageClass.Video));

        // The queue's reference is gone: ours is the last, and releasing it returns the message to the pool.
        message.Release();
        Assert.Same(message, _pool.Rent(1));
    }
}
