using AvatarStream.Contracts;
using AvatarStream.StreamService.Tests.Infrastructure;

namespace AvatarStream.StreamService.Tests.Service.V2;

public sealed class ResumeTests
{
    [Fact(Timeout = 30_000)]
    public async Task AnAbruptDropThenAResumeReplaysTheMissedEventAndOthersSeeOnlyReconnecting()
    {
        await using var app = new StreamServiceFactory();
        var host = await app.JoinV2Async("00157", RoomRoles.Host);
        var welcome = await host.NextAsync("welcome");
        var guest = await app.JoinV2Async("00157");
        await guest.NextAsync("welcome");
        var joined = await host.NextAsync("member_joined");

        host.Raw.Abort();
        Assert.Equal("reconnecting", (await guest.NextAsync("member_updated")).GetProperty("state").GetString());
        await guest.SendJsonAsync("""{"type":"set_meta","meta":{"muted":true}}""");
        await guest.SendJsonAsync("""{"type":"ping"}""");
        await guest.NextAsync("pong");

        var resumed = await V2Socket.ConnectAsync(app.Address, "00157", host.Socket.ClientId, new
        {
            session = welcome.GetProperty("session").GetString(),
            secret = welcome.GetProperty("resume").GetProperty("secret").GetString(),
            last_seq = joined.GetProperty("seq").GetInt64(),
        });

        var answer = await resumed.NextAsync();
        Assert.Equal("resumed", answer.GetProperty("type").GetString());
        var missed = Assert.Single(answer.GetProperty("missed").EnumerateArray());
        Assert.Equal("member_updated", missed.GetProperty("type").GetString());
        Assert.True(missed.GetProperty("meta").GetProperty("muted").GetBoolean());
        Assert.Equal(joined.GetProperty("seq").GetInt64() + 1, missed.GetProperty("seq").GetInt64());
        Assert.NotEqual(welcome.GetProperty("resume").GetProperty("secret").GetString(), answer.GetProperty("resume").GetProperty("secret").GetString());
        var back = await guest.NextAsync();
        Assert.Equal(("member_updated", "connected"), (back.GetProperty("type").GetString(), back.GetProperty("state").GetString()));
        Assert.Empty(app.Router.Removals);
    }
}
