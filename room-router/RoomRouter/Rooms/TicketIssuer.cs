using System.Security.Cryptography;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Options;
using AvatarStream.ServiceDefaults.Tickets;
using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Rooms;

// Signs the one-time WebSocket ticket of a seat just registered on its instance: that instance verifies it alone.
// The key is fetched before any seat is taken, so a secret store that fails costs no seat.
internal sealed class TicketIssuer(ITicketKeySource keys, IOptionsMonitor<RoomsOptions> options, TimeProvider clock)
{
    public async ValueTask<TicketKey> SigningKeyAsync(CancellationToken cancellationToken) =>
        (await keys.GetAsync(refresh: false, cancellationToken)).Current;

    public string Issue(TicketKey key, string roomId, string clientId, string role, string instanceId)
    {
        var expiresAt = clock.GetUtcNow() + options.CurrentValue.TicketLifetime;
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        return TicketCodec.Write(new StreamTicket(roomId, SeatIdentity.Of(clientId), role, instanceId, expiresAt, nonce), key);
    }
}
