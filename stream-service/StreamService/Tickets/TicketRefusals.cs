using AvatarStream.ServiceDefaults.Tickets;

namespace AvatarStream.StreamService.Tickets;

// How a refused ticket is told: the log says which check failed (never the ticket); the answer tells the client what to
// do next, which for every refusal is to ask join-room again.
internal static class TicketRefusals
{
    public static string LogReason(TicketRefusal refusal) => refusal switch
    {
        TicketRefusal.Expired => "ticket expired",
        TicketRefusal.Used => "ticket used before",
        TicketRefusal.WrongInstance => "ticket for another instance",
        TicketRefusal.UnknownKey => "ticket signed by an unknown key",
        TicketRefusal.BadSignature => "ticket signature wrong",
        _ => "ticket malformed",
    };

    public static string Detail(TicketRefusal refusal) => refusal switch
    {
        TicketRefusal.Expired => "The ticket has expired; ask join-room for a new one.",
        TicketRefusal.Used => "The ticket was used already: a ticket opens one socket. Ask join-room for a new one.",
        TicketRefusal.WrongInstance => "The ticket is for another stream instance; connect to the stream_url join-room answered.",
        _ => "The ticket is not valid; ask join-room for a new one.",
    };
}
