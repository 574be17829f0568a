using AvatarStream.Contracts;

namespace AvatarStream.StreamService.Core;

// A room's seats by client id, and by the identity a ticket names (SeatIdentity), which is all a socket shows.
internal sealed class SeatTable
{
    private readonly Dictionary<string, Seat> _byClient = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Seat> _byIdentity = new(StringComparer.Ordinal);

    public int Count => _byClient.Count;

    public IEnumerable<Seat> All => _byClient.Values;

    public bool TryGetValue(string clientId, out Seat seat) => _byClient.TryGetValue(clientId, out seat!);

    public bool TryGetByIdentity(string identity, out Seat seat) => _byIdentity.TryGetValue(identity, out seat!);

    public bool ContainsKey(string clientId) => _byClient.ContainsKey(clientId);

    public void Add(Seat seat)
    {
        _byClient.Add(seat.ClientId, seat);
        _byIdentity[seat.Identity] = seat;
    }

    public bool Remove(string clientId) => Remove(clientId, out _);

    public bool Remove(string clientId, out Seat seat)
    {
        if (!_byClient.Remove(clientId, out seat!))
        {
            return false;
        }

        _byIdentity.Remove(seat.Identity);
        return true;
    }

    public void Clear()
    {
        _byClient.Clear();
        _byIdentity.Clear();
    }
}
