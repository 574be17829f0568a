using System.Numerics;

namespace AvatarStream.StreamService.Core;

// Messages with their buffers, pooled by power-of-two size class. A message is rented on one
// connection's receive loop and returned on another's send loop, so the pool is shared and locked
// per class; each class keeps at most a bounded number of bytes for reuse.
internal sealed class MessagePool
{
    public const int SmallestCapacity = 1024;
    private const int SmallestShift = 10;
    private const long RetainedBytesPerClass = 16L * 1024 * 1024;

    private readonly SizeClass[] _classes;

    public MessagePool(int largestCapacity)
    {
        var count = ClassOf(largestCapacity) + 1;
        _classes = new SizeClass[count];
        for (var i = 0; i < count; i++)
        {
            var capacity = SmallestCapacity << i;
            _classes[i] = new SizeClass(this, i, capacity, (int)Math.Max(4, RetainedBytesPerClass / capacity));
        }
    }

    public RelayMessage Rent(int minimumCapacity) =>
        _classes[Math.Min(ClassOf(minimumCapacity), _classes.Length - 1)].Rent();

    // Like Rent, but a message larger than the largest class (a big v2 welcome) gets a buffer of its own,
    // which the largest class may keep afterwards.
    public RelayMessage RentAtLeast(int capacity)
    {
        var message = Rent(capacity);
        if (message.Buffer.Length >= capacity)
        {
            return message;
        }

        Return(message);
        var own = new RelayMessage(this, _classes.Length - 1, capacity);
        own.ResetForRent();
        return own;
    }

    // Moves the first length bytes into a message of the next size class; the old message goes back to the pool.
    public RelayMessage Grow(RelayMessage message, int length)
    {
        var larger = _classes[Math.Min(message.SizeClass + 1, _classes.Length - 1)].Rent();
        message.Buffer.AsSpan(0, length).CopyTo(larger.Buffer);
        Return(message);
        return larger;
    }

    public void Return(RelayMessage message) => _classes[message.SizeClass].Return(message);

    private static int ClassOf(int capacity) =>
        capacity <= SmallestCapacity ? 0 : BitOperations.Log2((uint)capacity - 1) + 1 - SmallestShift;

    private sealed class SizeClass(MessagePool pool, int index, int capacity, int retainLimit)
    {
        private readonly Lock _gate = new();
        private readonly Stack<RelayMessage> _free = new();

        public RelayMessage Rent()
        {
            RelayMessage? message;
            lock (_gate)
            {
                _free.TryPop(out message);
            }

            message ??= new RelayMessage(pool, index, capacity);
            message.ResetForRent();
            return message;
        }

        public void Return(RelayMessage message)
        {
            lock (_gate)
            {
                if (_free.Count < retainLimit)
                {
                    _free.Push(message);
                }
            }
        }
    }
}
