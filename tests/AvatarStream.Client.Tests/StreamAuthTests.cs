using System.Text;
using System.Text.Json.Nodes;
using AvatarStream.Contracts;

namespace AvatarStream.Client.Tests;

public sealed class StreamAuthTests
{
    [Fact]
    public void Auth_protocol_is_base64url_without_padding_of_the_ticket_json()
    {
        var protocol = StreamAuth.Encode(new StreamCredentials("k.p.s"));

        Assert.StartsWith(StreamProtocol.AuthPrefix, protocol, StringComparison.Ordinal);
        var encoded = protocol[StreamProtocol.AuthPrefix.Length..];
        Assert.DoesNotContain('=', encoded);
        Assert.All(encoded, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"ticket":"k.p.s"}"""),
            JsonNode.Parse(Decode(encoded))));
    }

    [Fact]
    public void Resume_adds_session_secret_and_last_seq()
    {
        var protocol = StreamAuth.Encode(new StreamCredentials("k.p.s", null, new ResumeToken("s-1", "k-1", 12)));

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"ticket":"k.p.s","resume":{"session":"s-1","secret":"k-1","last_seq":12}}"""),
            JsonNode.Parse(Decode(protocol[StreamProtocol.AuthPrefix.Length..]))));
        Assert.Equal(new StreamCredentials("k.p.s", null, new ResumeToken("s-1", "k-1", 12)), StreamAuth.Decode(protocol));
    }

    [Fact]
    public void A_resume_alone_names_its_room()
    {
        var protocol = StreamAuth.Encode(new StreamCredentials(null, "00157", new ResumeToken("s-1", "k-1", 12)));

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"room_id":"00157","resume":{"session":"s-1","secret":"k-1","last_seq":12}}"""),
            JsonNode.Parse(Decode(protocol[StreamProtocol.AuthPrefix.Length..]))));
    }

    [Theory]
    [InlineData("avatar-stream.v2")]
    [InlineData("avatar-stream.auth.***")]
    [InlineData("avatar-stream.auth.e30")]
    public void Decode_of_anything_else_is_null(string protocol) => Assert.Null(StreamAuth.Decode(protocol));

    private static string Decode(string base64Url)
    {
        var padded = base64Url.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
    }
}
