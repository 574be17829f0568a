using System.Net;
using System.Net.WebSockets;
using AvatarStream.Client;
using AvatarStream.Client.Messages;
using AvatarStream.Contracts;

namespace AvatarStream.EndToEnd.Tests.ProtocolV2;

// A guessed room id without the room's key never gets a seat among the members: v2 waits in the lobby, v1 is refused,
// a wrong key is refused at join-room.
[Collection(nameof(V2SystemCollection))]
public sealed class InviteTests(V2System system)
{
    [Fact]
    public async Task AJoinerWithoutTheKeyKnocksAndIsSeenOnlyOnceAHostAdmitsIt()
    {
        var ticket = await system.Router.CreateRoomAsync(name: "Hana");
        await using var host = await TestMember.ConnectAsync(ticket);
        Assert.False((await host.NextAsync<Welcome>()).Room.Locked);

        var guesser = await system.Router.JoinRoomAsync(ticket.RoomId, name: "Eve");
        Assert.True(guesser.Knocking);
        await using var eve = await TestMember.ConnectAsync(guesser);

        Assert.True((await eve.NextAsync<Waiting>()).HostPresent);
        var knock = await host.NextAsync<Knock>();
        Assert.Equal("Eve", knock.Name);
        await host.SendAsync(new Deny(knock.Member));
        var closed = await eve.Connection.Completion.WaitAsync(TestMember.Patience);
        Assert.Equal(StreamProtocol.CloseCodes.Denied, closed.CloseStatus);
        Assert.DoesNotContain(host.Seen, m => m is MemberJoined);
    }

    [Fact]
    public async Task AV1SocketWithoutTheKeyIsRefusedWith403()
    {
        var ticket = await system.Router.CreateRoomAsync();
        var guesser = await system.Router.JoinRoomAsync(ticket.RoomId);

        using var v1 = new ClientWebSocket();
        v1.Options.AddSubProtocol(StreamProtocol.V1);
        v1.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => v1.ConnectAsync(new Uri($"{guesser.StreamUrl}?ticket={Uri.EscapeDataString(guesser.Ticket)}"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, v1.HttpStatusCode);
    }

    [Fact]
    public async Task AWrongKeyIsRefusedAtJoinRoom()
    {
        var ticket = await system.Router.CreateRoomAsync();

        var refused = await Assert.ThrowsAsync<RoomRouterException>(() => system.Router.JoinRoomAsync(ticket.RoomId, key: "not-" + ticket.JoinKey));

        Assert.Equal((HttpStatusCode.Forbidden, "wrong-join-key"), (refused.Status, refused.ProblemType));
    }
}
