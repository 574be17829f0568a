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

    [Fact]
    public void ControlDrainsFirstThenAudioThenVideo()
    {
        var queue = new SendQueue(8, 16);
        var video = _pool.Rent(1);
        var audio = _pool.Rent(1);
        var control = _pool.Rent(1);
        queue.TryEnqueue(video, MessageClass.Video);
        queue.TryEnqueue(audio, MessageClass.Audio);
        queue.TryEnqueue(control, MessageClass.Control);

        Assert.True(queue.TryDequeue(out var first));
        Assert.True(queue.TryDequeue(out var second));
        Assert.True(queue.TryDequeue(out var third));
        Assert.Equal([control, audio, video], [first, second, third]);
    }

    [Fact]
    public void UnderPressureVideoIsDroppedFirstThenAudio()
    {
        var queue = new SendQueue(2, 16);
        var oldVideo = _pool.Rent(1);
        oldVideo.Retain();
        queue.TryEnqueue(oldVideo, MessageClass.Video);
        queue.TryEnqueue(_pool.Rent(1), MessageClass.Video);

        Assert.Equal(EnqueueResult.Full, queue.TryEnqueue(_pool.Rent(1), MessageClass.Video));
        Assert.Equal(EnqueueResult.QueuedDroppingVideo, queue.TryEnqueue(_pool.Rent(1), MessageClass.Audio));
        Assert.Equal(EnqueueResult.QueuedDroppingVideo, queue.TryEnqueue(_pool.Rent(1), MessageClass.Audio));
        Assert.Equal(EnqueueResult.Full, queue.TryEnqueue(_pool.Rent(1), MessageClass.Audio));

        // The oldest video went first, and the queue let go of it: our reference is its last.
        oldVideo.Release();
        Assert.Same(oldVideo, _pool.Rent(1));
    }

    [Fact]
    public void ControlIsNeverDroppedForMediaAndOverflowsOnlyPastItsOwnBound()
    {
        var queue = new SendQueue(1, 2);
        queue.TryEnqueue(_pool.Rent(1), MessageClass.Video);

        Assert.Equal(EnqueueResult.Queued, queue.TryEnqueue(_pool.Rent(1), MessageClass.Control));
        Assert.Equal(EnqueueResult.Queued, queue.TryEnqueue(_pool.Rent(1), MessageClass.Control));
        Assert.Equal(EnqueueResult.ControlOverflow, queue.TryEnqueue(_pool.Rent(1), MessageClass.Control));
    }
}
