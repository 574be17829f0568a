namespace AvatarStream.StreamService.Tickets;

// The nonces of tickets already shown, each kept until its ticket expires: a ticket opens one socket. The set is as
// large as the tickets issued for this instance within one ticket lifetime, which the router's rate limits bound.
internal sealed class UsedTickets(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _nonces = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, DateTimeOffset> _byExpiry = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _nonces.Count;
            }
        }
    }

    // False when the nonce was used before (and has not been forgotten, which happens only after its expiry).
    public bool TryUse(string nonce, DateTimeOffset forgetAfter)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            while (_byExpiry.TryPeek(out var old, out var until) && until < now)
            {
                _byExpiry.Dequeue();
                _nonces.Remove(old);
            }

            if (!_nonces.Add(nonce))
            {
                return false;
            }

            _byExpiry.Enqueue(nonce, forgetAfter);
            return true;
        }
    }
}
