namespace AvatarStream.ServiceDefaults.Tickets;

/// <summary>The keys that sign and verify WebSocket tickets.</summary>
public interface ITicketKeySource
{
    /// <summary>
    /// The keys now. <paramref name="refresh"/> asks for a new read of the secret store (a ticket named a key not held);
    /// a source may still answer from a read it made moments ago.
    /// </summary>
    public ValueTask<TicketKeys> GetAsync(bool refresh, CancellationToken cancellationToken);
}
