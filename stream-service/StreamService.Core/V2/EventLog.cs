namespace AvatarStream.StreamService.Core.V2;

// The most recent events sent to one member, with their seq, for a resume to replay.
internal sealed class EventLog(int capacity)
{
    private readonly byte[][] _events = new byte[capacity][];
    private long _last;

    // The seq of the last event added (0 before any).
    public long LastSeq => _last;

    public void Add(long seq, byte[] utf8Json)
    {
        _events[seq % capacity] = utf8Json;
        _last = seq;
    }

    // The events after lastSeq in order, or false when some of them are no longer kept (or lastSeq is from the future).
    public bool TryGetAfter(long lastSeq, out List<byte[]> missed)
    {
        missed = [];
        if (lastSeq < 0 || lastSeq > _last || _last - lastSeq > capacity)
        {
            return false;
        }

        for (var seq = lastSeq + 1; seq <= _last; seq++)
        {
            missed.Add(_events[seq % capacity]);
        }

        return true;
    }
}
