using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults.Tickets;

namespace AvatarStream.StreamService.Tests.Infrastructure;

// Tickets as the room router signs them, with the key the test instance holds (FakeTicketKeySource).
public static class TestTickets
{
    public const string InstanceId = "stream-test";

    public static readonly TicketKey Key = new("stream-test-ticket-key-0123456789abcdef");

    public static string For(string roomId, string clientId, string role = RoomRoles.Guest, string instanceId = InstanceId, TimeSpan? lifetime = null, TicketKey? key = null) =>
        TicketCodec.Write(
            new StreamTicket(roomId, SeatIdentity.Of(clientId), role, instanceId, DateTimeOffset.UtcNow + (lifetime ?? TimeSpan.FromMinutes(1)), Guid.NewGuid().ToString("N")),
            key ?? Key);
}

public sealed class FakeTicketKeySource : ITicketKeySource
{
    public ValueTask<TicketKeys> GetAsync(bool refresh, CancellationToken cancellationToken) => ValueTask.FromResult(new TicketKeys(TestTickets.Key));
}
