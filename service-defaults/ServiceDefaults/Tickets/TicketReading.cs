namespace AvatarStream.ServiceDefaults.Tickets;

/// <summary>Why a ticket is not accepted.</summary>
public enum TicketRefusal
{
    None,

    /// <summary>Not a ticket: wrong shape, too long, bad encoding.</summary>
    Malformed,

    /// <summary>Signed by a key this service does not hold (an old one, or none of ours).</summary>
    UnknownKey,

    /// <summary>The signature does not match: forged or altered.</summary>
    BadSignature,

    /// <summary>Past its expiry.</summary>
    Expired,

    /// <summary>For another stream instance.</summary>
    WrongInstance,

    /// <summary>Shown before: a ticket opens one socket.</summary>
    Used,
}

/// <summary>A ticket's grant, or why there is none.</summary>
public sealed record TicketReading(StreamTicket? Ticket, TicketRefusal Refusal)
{
    public static TicketReading Refused(TicketRefusal refusal) => new(null, refusal);
}
