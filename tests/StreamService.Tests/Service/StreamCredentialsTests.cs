using System.Text;
using AvatarStream.ServiceDefaults.InternalAuth;
using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.Core.V2;
using AvatarStream.StreamService.Endpoints;
using AvatarStream.StreamService.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace AvatarStream.StreamService.Tests.Service;

public sealed class StreamCredentialsTests
{
    private const string Ticket = "k1.payload.signature";

    [Theory]
    [InlineData($$"""{ticket: {{Ticket}}}""")]
    [InlineData($$"""{"room_id": "00157", "ticket": "{{Ticket}}"}""")]
    [InlineData($$"""{ticket:{{Ticket}},room_id:00157}""")]
    public void SeedHeaderFormsCarryTheTicketAndAreEchoedVerbatim(string header)
    {
        Assert.True(StreamCredentials.TryRead(Upgrade(header), out var credentials, out _));
        Assert.Equal((Ticket, null, header), (credentials.Ticket, credentials.SubProtocol, credentials.RawProtocolEcho));
    }

    [Theory]
    [InlineData($$"""{room_id: 00157, client_id: {{ClientIds.Fixed}}}""", "client_id opens no socket")]
    [InlineData("{room_id: 00157}", "Show the ticket")]
    [InlineData("{room_id 00157, ticket: x}", "Show the ticket")]
    [InlineData("{ticket: x", "Show the ticket")]
    public void SeedHeadersWithoutATicketAreRefusedWithTheReason(string header, string reason)
    {
        Assert.False(StreamCredentials.TryRead(Upgrade(header), out _, out var refusal));
        Assert.Contains(reason, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void AuthSubprotocolCarriesTheTicketAndSelectsV1()
    {
        Assert.True(StreamCredentials.TryRead(Upgrade($"avatar-stream.v1, {Auth($$"""{"ticket":"{{Ticket}}"}""")}"), out var credentials, out _));
        Assert.Equal((Ticket, "avatar-stream.v1", (ResumeRequest?)null), (credentials.Ticket, credentials.SubProtocol, credentials.Resume));
    }

    [Fact]
    public void AuthSubprotocolCarriesAResumeBesideTheTicket()
    {
        var json = $$$"""{"ticket":"{{{Ticket}}}","resume":{"session":"s","secret":"x","last_seq":7}}""";

        Assert.True(StreamCredentials.TryRead(Upgrade($"avatar-stream.v2, {Auth(json)}"), out var credentials, out _));
        Assert.Equal((Ticket, new ResumeRequest("s", "x", 7)), (credentials.Ticket, credentials.Resume));
    }

    [Fact]
    public void AResumeAloneNamesItsRoomAndSpeaksV2()
    {
        var json = """{"room_id":"00157","resume":{"session":"s","secret":"x","last_seq":7}}""";

        Assert.True(StreamCredentials.TryRead(Upgrade($"avatar-stream.v2, {Auth(json)}"), out var credentials, out _));
        Assert.Equal((null, "00157", new ResumeRequest("s", "x", 7), RoomProtocol.V2), (credentials.Ticket, credentials.RoomId, credentials.Resume, credentials.Offered));
    }

    [Theory]
    [InlineData("avatar-stream.v1", """{"room_id":"00157","resume":{"session":"s","secret":"x","last_seq":7}}""")]
    [InlineData("avatar-stream.v2", """{"room_id":"157000","resume":{"session":"s","secret":"x","last_seq":7}}""")]
    [InlineData("avatar-stream.v2", """{"room_id":"00157","resume":{"session":"s","last_seq":7}}""")]
    [InlineData("avatar-stream.v2", """{"room_id":"00157"}""")]
    [InlineData("avatar-stream.v2", """{"ticket":7}""")]
    [InlineData("avatar-stream.v2", """["00157","c-1"]""")]
    public void AuthSubprotocolWithoutATicketOrAWholeV2ResumeIsRefused(string version, string json) =>
        Assert.False(StreamCredentials.TryRead(Upgrade($"{version}, {Auth(json)}"), out _, out _));

    [Fact]
    public void AClientIdInTheAuthSubprotocolIsRefusedWithTheReason()
    {
        var json = $$"""{"room_id":"00157","client_id":"{{ClientIds.Fixed}}"}""";

        Assert.False(StreamCredentials.TryRead(Upgrade($"avatar-stream.v2, {Auth(json)}"), out _, out var refusal));
        Assert.Contains("client_id opens no socket", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void QueryTicketTakesPrecedenceOverEverythingElse()
    {
        var context = Upgrade("avatar-stream.v1");
        context.Request.QueryString = new QueryString($"?room_id=00157&client_id={ClientIds.Fixed}&ticket={Ticket}");

        Assert.True(StreamCredentials.TryRead(context, out var credentials, out _));
        Assert.Equal((Ticket, "avatar-stream.v1"), (credentials.Ticket, credentials.SubProtocol));
    }

    [Fact]
    public void AQueryClientIdWithoutATicketIsRefused()
    {
        var context = Upgrade("avatar-stream.v1");
        context.Request.QueryString = new QueryString($"?room_id=00157&client_id={ClientIds.Fixed}");

        Assert.False(StreamCredentials.TryRead(context, out _, out var refusal));
        Assert.Contains("client_id opens no socket", refusal, StringComparison.Ordinal);
    }

    private static string Auth(string json) => "avatar-stream.auth." + WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("Bearer secret", true)]
    [InlineData("BEARER secret", true)]
    [InlineData("secret", true)]
    [InlineData(" secret ", true)]
    [InlineData("Bearer secre", false)]
    [InlineData("Bearer secret2", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void InternalTokenIsAcceptedWithOrWithoutTheBearerScheme(string? header, bool authorized) =>
        Assert.Equal(authorized, InternalToken.Matches(header, "secret"));

    private static DefaultHttpContext Upgrade(string protocolHeader)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.SecWebSocketProtocol = protocolHeader;
        return context;
    }
}
