namespace AvatarStream.ServiceDefaults.Tickets;

/// <summary>
/// The ticket keys at one moment: <see cref="Current"/> signs and verifies, <see cref="Next"/> (only during a rotation)
/// verifies too, so tickets signed on either side of a swap are accepted.
/// </summary>
public sealed class TicketKeys(TicketKey current, TicketKey? next = null)
{
    public TicketKey Current { get; } = current;

    public TicketKey? Next { get; } = next;

    public TicketKey? Find(ReadOnlySpan<char> id) =>
        id.SequenceEqual(Current.Id) ? Current : Next is { } next && id.SequenceEqual(next.Id) ? next : null;
}
