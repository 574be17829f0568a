using System.Net;
using AvatarStream.Client;
using AvatarStream.Client.Messages;
using AvatarStream.Contracts;

namespace AvatarStream.EndToEnd.Tests.ProtocolV2;

[Collection(nameof(V2SystemCollection))]
public sealed class LobbyTests(V2System system)
{
    [Fact]
    public async Task AnAdmittedJoinerIsWelcomedAndComesBackWithoutKnocking()
    {
        var ticket = await system.Router.CreateRoomAsync(lobby: true);
        await using var host = await TestMember.ConnectAsync(ticket);
        Assert.True((await host.NextAsync<Welcome>()).Room.Locked);

        var joinerTicket = await system.Router.JoinRoomAsync(ticket.RoomId, key: ticket.JoinKey, name: "Bob");
        await using var relay = new TcpRelay(new Uri(joinerTicket.StreamUrl));
        await using var joiner = await TestMember.ConnectAsync(joinerTicket with { StreamUrl = relay.Url }, new RoomConnectionOptions { Reconnect = ReconnectPolicy.Never });
        Assert.True((await joiner.NextAsync<Waiting>()).HostPresent);
        Assert.Equal(ConnectionState.Waiting, joiner.Connection.State);
        var knock = await host.NextAsync<Knock>();
        Assert.Equal("Bob", knock.Name);

        await host.SendAsync(new Admit(knock.Member));
        Assert.Equal(knock.Member, (await joiner.NextAsync<Welcome>()).You.Member);
        Assert.Equal(knock.Member, (await host.NextAsync<MemberJoined>()).Member);

        // A page refresh: the old page's socket goes without a close, the new page joins with the held client id.
        relay.CutAll();
        Assert.Equal("reconnecting", (await host.NextAsync<MemberUpdated>()).State);
        var again = await system.Router.JoinRoomAsync(ticket.RoomId, key: ticket.JoinKey, name: "Bob", heldClientId: joinerTicket.ClientId);
        Assert.Equal(joinerTicket.ClientId, again.ClientId);
        await using var back = await TestMember.ConnectAsync(again);
        Assert.Equal(knock.Member, (await back.NextAsync<Welcome>()).You.Member);
        var connected = await host.NextAsync<MemberUpdated>();
        Assert.Equal((knock.Member, "connected"), (connected.Member, connected.State));
        Assert.Single(host.Seen.OfType<Knock>());
    }

    [Fact]
    public async Task ADeniedJoinerIsClosedWith4004AndBarredAtTheRouter()
    {
        var ticket = await system.Router.CreateRoomAsync(lobby: true);
        await using var host = await TestMember.ConnectAsync(ticket);
        await host.NextAsync<Welcome>();
        var joinerTicket = await system.Router.JoinRoomAsync(ticket.RoomId, key: ticket.JoinKey);
        await using var joiner = await TestMember.ConnectAsync(joinerTicket);
        await joiner.NextAsync<Waiting>();

        await host.SendAsync(new Deny((await host.NextAsync<Knock>()).Member));

        Assert.Equal(StreamProtocol.CloseCodes.Denied, (await joiner.ClosedAsync()).CloseStatus);
        await host.NextAsync<KnockCancelled>();
        var barred = await RouterRefusal.OfJoinAsync(token => system.Router.JoinRoomAsync(ticket.RoomId, key: ticket.JoinKey, heldClientId: joinerTicket.ClientId, cancellationToken: token));
        Assert.Equal((HttpStatusCode.Forbidden, "barred"), (barred.Status, barred.ProblemType));
    }

    [Fact]
    public async Task AKnockNobodyDecidesTimesOutWith4005()
    {
        var ticket = await system.Router.CreateRoomAsync(lobby: true);
        await using var host = await TestMember.ConnectAsync(ticket);
        await host.NextAsync<Welcome>();
        await using var joiner = await TestMember.ConnectAsync(await system.Router.JoinRoomAsync(ticket.RoomId, key: ticket.JoinKey));
        await joiner.NextAsync<Waiting>();
        var knock = await host.NextAsync<Knock>();

        Assert.Equal(StreamProtocol.CloseCodes.KnockTimedOut, (await joiner.ClosedAsync()).CloseStatus);
        Assert.Equal(knock.Member, (await host.NextAsync<KnockCancelled>()).Member);
    }

    [Fact]
    public async Task AfterTheJoinWindowNewIdentitiesAreRefusedButSeatHoldersRejoin()
    {
        var ticket = await system.Router.CreateRoomAsync(joinWindowSeconds: 1);
        await using var host = await TestMember.ConnectAsync(ticket);
        var welcome = await host.NextAsync<Welcome>();
        Assert.NotNull(welcome.Room.JoinClosesAt);
        var early = await system.Router.JoinRoomAsync(ticket.RoomId, key: ticket.JoinKey);

        // Wait for the window to close by the router's own answer, bounded.
        var closed = await RouterRefusal.OfJoinAsync(token => system.Router.JoinRoomAsync(ticket.RoomId, key: ticket.JoinKey, cancellationToken: token));

        Assert.Equal((HttpStatusCode.Forbidden, "join-window-closed"), (closed.Status, closed.ProblemType));
        Assert.True(DateTimeOffset.UtcNow >= welcome.Room.JoinClosesAt!.Value.AddMilliseconds(-500));
        var rejoined = await system.Router.JoinRoomAsync(ticket.RoomId, key: ticket.JoinKey, heldClientId: early.ClientId);
        Assert.Equal(early.ClientId, rejoined.ClientId);
        await using var member = await TestMember.ConnectAsync(rejoined);
        await member.NextAsync<Welcome>();
    }
}
