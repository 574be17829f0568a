using System.Text;
using AvatarStream.ServiceDefaults.InternalAuth;
using AvatarStream.StreamService.Endpoints;
using AvatarStream.StreamService.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace AvatarStream.StreamService.Tests.Service;

public sealed class StreamCredentialsTests
{
    [Theory]
    [InlineData($$"""{room_id: 00157, client_id: {{ClientIds.Fixed}}}""", "00157", ClientIds.Fixed)]
    [InlineData($$"""{"room_id": "00157", "client_id": "{{ClientIds.Fixed}}"}""", "00157", ClientIds.Fixed)]
    [InlineData($$"""{client_id:{{ClientIds.Fixed}},room_id:00157}""", "00157", ClientIds.Fixed)]
    public void SeedHeaderFormsAreReadAndEchoedVerbatim(string header, string roomId, string clientId)
    {
        var context = Upgrade(header);

        Assert.True(StreamCredentials.TryRead(context, out var credentials));
        Assert.Equal((roomId, clientId, null, header), (credentials.RoomId, credentials.ClientId, credentials.SubProtocol, credentials.RawProtocolEcho));
    }

    [Theory]
    [InlineData("{room_id: 00157}")]
    [InlineData("{room_id: 00157, client_id: a b}")]
    [InlineData("{room_id 00157, client_id: x}")]
    [InlineData("{room_id: 00157, client_id: x")]
    [InlineData("{room_id: 00157, client_id: 6f1c-aa}")]
    [InlineData($$"""{room_id: 157000, client_id: {{ClientIds.Fixed}}}""")]
    public void BrokenSeedHeadersAndMalformedIdsAreRefused(string header) =>
        Assert.False(StreamCredentials.TryRead(Upgrade(header), out _));

    [Fact]
    public void AuthSubprotocolSelectsV1()
    {
        var auth = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($$"""{"room_id":"00157","client_id":"{{ClientIds.Fixed}}"}"""));

        Assert.True(StreamCredentials.TryRead(Upgrade($"avatar-stream.v1, avatar-stream.auth.{auth}"), out var credentials));
        Assert.Equal(("00157", ClientIds.Fixed, "avatar-stream.v1"), (credentials.RoomId, credentials.ClientId, credentials.SubProtocol));
    }

    [Theory]
    [InlineData($$"""{"room_id":157,"client_id":"{{ClientIds.Fixed}}"}""")]
    [InlineData("""{"room_id":"00157"}""")]
    [InlineData("""["00157","c-1"]""")]
    public void AuthSubprotocolWithoutTwoStringIdsIsRefused(string json)
    {
        var auth = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(json));

        Assert.False(StreamCredentials.TryRead(Upgrade($"avatar-stream.v1, avatar-stream.auth.{auth}"), out _));
    }

    [Fact]
    public void QueryTakesPrecedenceAndSelectsV1WhenOffered()
    {
        var context = Upgrade("avatar-stream.v1");
        context.Request.QueryString = new QueryString($"?room_id=00157&client_id={ClientIds.Fixed}");

        Assert.True(StreamCredentials.TryRead(context, out var credentials));
        Assert.Equal(("00157", ClientIds.Fixed, "avatar-stream.v1"), (credentials.RoomId, credentials.ClientId, credentials.SubProtocol));
    }

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
