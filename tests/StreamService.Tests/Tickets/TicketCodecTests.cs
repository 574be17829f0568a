using System.Text;
using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults.Tickets;

namespace AvatarStream.StreamService.Tests.Tickets;

public sealed class TicketCodecTests
{
    private static readonly TicketKey Old = new("the-old-ticket-key-0123456789abcdef");
    private static readonly TicketKey New = new("the-new-ticket-key-0123456789abcdef");
    private static readonly StreamTicket Grant = new("00157", SeatIdentity.Of("c-1"), RoomRoles.Host, "stream-2", DateTimeOffset.FromUnixTimeSeconds(1_800_000_000), "n-1");

    [Fact]
    public void AWrittenTicketReadsBackItsGrant()
    {
        var reading = TicketCodec.Read(TicketCodec.Write(Grant, Old), new TicketKeys(Old));

        Assert.Equal((Grant, TicketRefusal.None), (reading.Ticket, reading.Refusal));
    }

    [Fact]
    public void ATicketIsUrlSafeAndCarriesNoClientId()
    {
        var ticket = TicketCodec.Write(Grant, Old);

        Assert.Matches("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$", ticket);
        Assert.DoesNotContain("c-1", Encoding.UTF8.GetString(Convert.FromBase64String(Pad(ticket.Split('.')[1]))), StringComparison.Ordinal);
    }

    [Fact]
    public void DuringARotationTicketsOfBothKeysAreRead()
    {
        var keys = new TicketKeys(New, Old);

        Assert.Equal(TicketRefusal.None, TicketCodec.Read(TicketCodec.Write(Grant, Old), keys).Refusal);
        Assert.Equal(TicketRefusal.None, TicketCodec.Read(TicketCodec.Write(Grant, New), keys).Refusal);
    }

    [Fact]
    public void AKeyNotHeldIsNamedAsSuch()
    {
        Assert.Equal(TicketRefusal.UnknownKey, TicketCodec.Read(TicketCodec.Write(Grant, Old), new TicketKeys(New)).Refusal);
    }

    [Fact]
    public void AChangedSignatureIsABadSignature()
    {
        var ticket = TicketCodec.Write(Grant, Old);
        var last = ticket[^2] == 'A' ? 'B' : 'A';

        Assert.Equal(TicketRefusal.BadSignature, TicketCodec.Read(ticket[..^2] + last + ticket[^1], new TicketKeys(Old)).Refusal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("a..")]
    [InlineData("a.b.")]
    [InlineData(".b.c")]
    public void ShapesThatAreNoTicketAreMalformed(string? text) =>
        Assert.Equal(TicketRefusal.Malformed, TicketCodec.Read(text, new TicketKeys(Old)).Refusal);

    [Fact]
    public void AnythingLongerThanTheLimitIsNotEvenDecoded() =>
        Assert.Equal(TicketRefusal.Malformed, TicketCodec.Read(Old.Id + "." + new string('a', TicketCodec.MaxLength), new TicketKeys(Old)).Refusal);

    [Fact]
    public void AKeyShorterThan32CharactersIsRefused() =>
        Assert.Throws<ArgumentException>(() => new TicketKey(new string('k', TicketKey.MinLength - 1)));

    private static string Pad(string base64Url) =>
        base64Url.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (base64Url.Length % 4)) % 4);
}
