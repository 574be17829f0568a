using AvatarStream.ServiceDefaults.Tickets;

namespace AvatarStream.RoomRouter.Tests.Fakes;

public sealed class FixedTicketKeySource(TicketKey key) : ITicketKeySource
{
    public static readonly TicketKey TestKey = new("router-test-ticket-key-0123456789abcdef");

    public ValueTask<TicketKeys> GetAsync(bool refresh, CancellationToken cancellationToken) => ValueTask.FromResult(new TicketKeys(key));
}
