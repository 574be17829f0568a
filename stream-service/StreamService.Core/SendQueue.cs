using System.Threading.Tasks.Sources;

namespace AvatarStream.StreamService.Core;

// A receiver's outgoing queue: many writers (the members' receive loops), one reader (its send loop).
// Three rings drained in priority order: control, audio, video. Media is bounded in total: a full queue
// refuses video, and makes room for audio by dropping the oldest video. Control has its own, larger bound.
// The reader waits on a reusable value-task source; no lock is held while it is woken.
internal sealed class SendQueue : IValueTaskSource<bool>, IThreadPoolWorkItem
{
    private const int InlineSendMaxBytes = 16 * 1024;

    private readonly Lock _gate = new();
    private readonly MessageRing _control;
    private readonly MessageRing _audio;
    private readonly MessageRing _video;
    private readonly int _mediaCapacity;
    private ManualResetValueTaskSourceCore<bool> _signal;
    private bool _readerWaiting;
    private bool _completed;

    public SendQueue(int mediaCapacity, int controlCapacity)
    {
        _mediaCapacity = mediaCapacity;
        _control = new MessageRing(controlCapacity);
        _audio = new MessageRing(mediaCapacity);
        _video = new MessageRing(mediaCapacity);
    }

    private int Count => _control.Count + _audio.Count + _video.Count;

    public EnqueueResult TryEnqueue(RelayMessage message, MessageClass messageClass)
    {
        bool wake;
        RelayMessage? dropped = null;
        EnqueueResult result;
        lock (_gate)
        {
            if (_completed)
            {
                return EnqueueResult.Closed;
            }

            result = Add(message, messageClass, ref dropped);
            if (result is not (EnqueueResult.Queued or EnqueueResult.QueuedDroppingVideo))
            {
                return result;
            }

            wake = _readerWaiting;
            _readerWaiting = false;
        }

        dropped?.Release();
        if (wake)
        {
            Wake(message.Length);
        }

        return result;
    }

    private EnqueueResult Add(RelayMessage message, MessageClass messageClass, ref RelayMessage? dropped)
    {
        switch (messageClass)
        {
            case MessageClass.Control:
                return _control.TryAdd(message) ? EnqueueResult.Queued : EnqueueResult.ControlOverflow;
            case MessageClass.Audio when _audio.Count + _video.Count < _mediaCapacity:
                return _audio.TryAdd(message) ? EnqueueResult.Queued : EnqueueResult.Full;
            case MessageClass.Audio when _video.TryTake(out var oldest):
                dropped = oldest;
                return _audio.TryAdd(message) ? EnqueueResult.QueuedDroppingVideo : EnqueueResult.Full;
            case MessageClass.Video when _audio.Count + _video.Count < _mediaCapacity:
                return _video.TryAdd(message) ? EnqueueResult.Queued : EnqueueResult.Full;
            default:
                return EnqueueResult.Full;
        }
    }

    // True when a message can be taken; false once the queue is completed. One caller at a time.
    public ValueTask<bool> WaitToReadAsync()
    {
        lock (_gate)
        {
            if (_completed)
            {
                return new ValueTask<bool>(false);
            }

            if (Count > 0)
            {
                return new ValueTask<bool>(true);
            }

            _signal.Reset();
            _readerWaiting = true;
            return new ValueTask<bool>(this, _signal.Version);
        }
    }

    public bool TryDequeue(out RelayMessage message)
    {
        lock (_gate)
        {
            // A completed queue hands out nothing: the connection is closing and its close frame goes next.
            if (_completed)
            {
                message = null!;
                return false;
            }

            return _control.TryTake(out message) || _audio.TryTake(out message) || _video.TryTake(out message);
        }
    }

    // Refuses further messages, releases the queued ones and wakes the reader.
    public void Complete()
    {
        bool wake;
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            wake = _readerWaiting;
            _readerWaiting = false;
        }

        // No writer adds after _completed and the reader takes nothing after it, so the ring is ours now.
        foreach (var ring in (ReadOnlySpan<MessageRing>)[_control, _audio, _video])
        {
            while (ring.TryTake(out var message))
            {
                message.Release();
            }
        }

        if (wake)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    // The reader was idle, so its queue holds little. For a small message, running its send inline (a copy
    // into the socket's output buffer) costs less than a thread hop; a large one goes to the thread pool so
    // that the copies for many receivers run in parallel instead of one after another on the sender's loop.
    private void Wake(int messageLength)
    {
        if (messageLength <= InlineSendMaxBytes)
        {
            _signal.SetResult(true);
        }
        else
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    void IThreadPoolWorkItem.Execute() => _signal.SetResult(true);

    bool IValueTaskSource<bool>.GetResult(short token) => _signal.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => _signal.GetStatus(token);

    void IValueTaskSource<bool>.OnCompleted(
        Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _signal.OnCompleted(continuation, state, token, flags);
}
