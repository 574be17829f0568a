namespace AvatarStream.StreamService.Core;

// The connected members of a room as an immutable array: replaced (copy-on-write) on join and leave,
// read without a lock by every receive loop. It answers who receives a frame; v1 is everyone but the sender.
internal sealed class MemberSet
{
    public static readonly MemberSet Empty = new([]);

    private readonly RelayConnection[] _members;

    private MemberSet(RelayConnection[] members) => _members = members;

    public ReadOnlySpan<RelayConnection> All => _members;

    public Recipients RecipientsOf(RelayConnection sender) => new(_members, sender);

    public MemberSet With(RelayConnection member) => new([.. _members, member]);

    public MemberSet Without(RelayConnection member)
    {
        var index = Array.IndexOf(_members, member);
        if (index < 0)
        {
            return this;
        }

        return _members.Length == 1 ? Empty : new([.. _members.AsSpan(0, index), .. _members.AsSpan(index + 1)]);
    }

    // Swaps a replaced connection for its successor in place, keeping the others' order.
    public MemberSet Replace(RelayConnection old, RelayConnection successor)
    {
        var index = Array.IndexOf(_members, old);
        if (index < 0)
        {
            return With(successor);
        }

        var members = (RelayConnection[])_members.Clone();
        members[index] = successor;
        return new(members);
    }

    // Allocation-free enumeration of a frame's receivers.
    public ref struct Recipients(RelayConnection[] members, RelayConnection sender)
    {
        private int _index = -1;

        public readonly Recipients GetEnumerator() => this;

        public readonly RelayConnection Current => members[_index];

        public bool MoveNext()
        {
            while (++_index < members.Length)
            {
                if (!ReferenceEquals(members[_index], sender))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
