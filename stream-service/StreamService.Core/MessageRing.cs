namespace AvatarStream.StreamService.Core;

// A bounded FIFO of messages that grows on demand, so an idle connection's queue owns no array.
// Not thread-safe: SendQueue guards it.
internal sealed class MessageRing(int limit)
{
    private const int InitialSize = 8;

    private RelayMessage?[] _items = [];
    private int _head;

    public int Count { get; private set; }

    public bool TryAdd(RelayMessage message)
    {
        if (Count == _items.Length)
        {
            if (Count >= limit)
            {
                return false;
            }

            Resize(Math.Min(limit, Math.Max(InitialSize, _items.Length * 2)));
        }

        _items[(_head + Count) % _items.Length] = message;
        Count++;
        return true;
    }

    public bool TryTake(out RelayMessage message)
    {
        if (Count == 0)
        {
            message = null!;
            return false;
        }

        message = _items[_head]!;
        _items[_head] = null;
        _head = (_head + 1) % _items.Length;
        Count--;
        return true;
    }

    private void Resize(int size)
    {
        var items = new RelayMessage?[size];
        for (var i = 0; i < Count; i++)
        {
            items[i] = _items[(_head + i) % _items.Length];
        }

        _items = items;
        _head = 0;
    }
}
