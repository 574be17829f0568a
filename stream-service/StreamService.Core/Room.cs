namespace AvatarStream.StreamService.Core;

// A room on this instance: its seated clients and the member set that frames fan out to.
internal sealed class Room(string id)
{
    private MemberSet _members = MemberSet.Empty;

    public string Id => id;

    // Read lock-free by every receive loop; replaced whole under the registry lock.
    public MemberSet Members
    {
        get => Volatile.Read(ref _members);
        set => Volatile.Write(ref _members, value);
    }

    // Seats by client id, connected or not yet; guarded by the registry lock.
    public Dictionary<string, Seat> Seats { get; } = new(StringComparer.Ordinal);
}
