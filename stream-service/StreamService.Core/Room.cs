namespace AvatarStream.StreamService.Core;

/// <summary>A room on this instance: its seated clients and the member set that frames fan out to.</summary>
internal sealed class Room(string id)
{
    private MemberSet _members = MemberSet.Empty;

    public string Id => id;

    /// <summary>Read lock-free by every receive loop; replaced whole under the registry lock.</summary>
    public MemberSet Members
    {
        get => Volatile.Read(ref _members);
        set => Volatile.Write(ref _members, value);
    }

    /// <summary>Seats by client id, connected or not yet; guarded by the registry lock.</summary>
    public Dictionary<string, Seat> Seats { get; } = new(StringComparer.Ordinal);
}
