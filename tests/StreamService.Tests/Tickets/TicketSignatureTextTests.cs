using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults.Tickets;

namespace AvatarStream.StreamService.Tests.Tickets;

// A signature that is no base64url made Base64Url.TryDecodeFromChars throw, and the upgrade a 500. Found by the
// upgrade fuzz test.
public sealed class TicketSignatureTextTests
{
    private static readonly TicketKey Key = new("the-ticket-key-of-these-tests-0123456789");

    [Theory]
    [InlineData("1FAzIeUoGtkXv4fgn2KZZUh")]
    [InlineData("!!!!")]
    [InlineData("abc,")]
    [InlineData("a")]
    public void ASignatureThatIsNoBase64UrlIsMalformed(string signature)
    {
        var ticket = TicketCodec.Write(new StreamTicket("00157", SeatIdentity.Of("c-1"), RoomRoles.Host, "stream-1", DateTimeOffset.UnixEpoch, "n-1"), Key);
        var forged = ticket[..(ticket.LastIndexOf('.') + 1)] + signature;

        Assert.Equal(TicketRefusal.Malformed, TicketCodec.Read(forged, new TicketKeys(Key)).Refusal);
    }
}
