using AvatarStream.ServiceDefaults.Tickets;
using Microsoft.Extensions.Options;

namespace AvatarStream.StreamService.Tickets;

// Checks a socket's ticket with nothing but the ticket keys: signed by the router, not expired, for this instance, and
// shown for the first time. No call to anyone on the way: the keys are read from the secret store once a minute.
internal sealed class TicketGate(ITicketKeySource keys, UsedTickets used, IOptions<StreamOptions> options, TimeProvider clock)
{
    // Clocks of the router and the instance may differ this much.
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(5);

    public async ValueTask<TicketReading> CheckAsync(string ticket, CancellationToken cancellationToken)
    {
        var reading = TicketCodec.Read(ticket, await keys.GetAsync(refresh: false, cancellationToken));
        if (reading.Refusal == TicketRefusal.UnknownKey)
        {
            // A key rotation this instance has not seen yet; the source reads the store again at most every few seconds.
            reading = TicketCodec.Read(ticket, await keys.GetAsync(refresh: true, cancellationToken));
        }

        if (reading.Ticket is not { } grant)
        {
            return reading;
        }

        var forgetAfter = grant.ExpiresAt + ClockSkew;
        if (clock.GetUtcNow() > forgetAfter)
        {
            return TicketReading.Refused(TicketRefusal.Expired);
        }

        if (!string.Equals(grant.InstanceId, options.Value.InstanceId, StringComparison.Ordinal))
        {
            return TicketReading.Refused(TicketRefusal.WrongInstance);
        }

        return used.TryUse(grant.Nonce, forgetAfter) ? reading : TicketReading.Refused(TicketRefusal.Used);
    }
}
