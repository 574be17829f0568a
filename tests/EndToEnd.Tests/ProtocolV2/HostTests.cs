using System.Net;
using System.Net.WebSockets;
using AvatarStream.Client;
using AvatarStream.Client.Messages;
using AvatarStream.Contracts;

namespace AvatarStream.EndToEnd.Tests.ProtocolV2;

[Collection(nameof(V2SystemCollection))]
public sealed class HostTests(V2System system)
{
    [Fact]
    public async Task EveryHostActionFromAGuestIsRefusedWithNotHost()
    {
        var ticket = await system.Router.CreateRoomAsync();
        await using var host = await TestMember.ConnectAsync(ticket);
        await host.NextAsync<Welcome>();
        await using var guest = await TestMember.ConnectAsync(await system.Router.JoinRoomAsync(ticket.RoomId, key: ticket.JoinKey));
        await guest.NextAsync<Welcome>();

        ClientMessage[] actions = [new LockRoom(), new UnlockRoom(), new Admit(1), new Deny(1), new RemoveMember(1), new MakeHost(2), new EndRoom()];
        foreach (var action in actions)
        {
            await guest.SendAsync(action with { Id = action.Type });
            var error = await guest.NextAsync<ErrorMessage>();
            Assert.Equal((ErrorCodes.NotHost, action.Type), (error.Code, error.Id?.GetString()));
        }

        Assert.Equal(ConnectionState.Live, host.Connection.State);
    }

    [Fact]
    public async Task LockMakeHostRemoveAndEndRoomDoWhatTheySayForEveryone()
    {
        var ticket = await system.Router.CreateRoomAsync();
        await using var host = await TestMember.ConnectAsync(ticket);
        await host.NextAsync<Welcome>();
        var bobTicket = await system.Router.JoinRoomAsync(ticket.RoomId, key: ticket.JoinKey, name: "Bob");
        await using var bob = await TestMember.ConnectAsync(bobTicket);
        await bob.NextAsync<Welcome>();
        var carolTicket = await system.Router.JoinRoomAsync(ticket.RoomId, key: ticket.JoinKey, name: "Carol");
        await using var carol = await TestMember.ConnectAsync(carolTicket);
        await carol.NextAsync<Welcome>();

        await host.SendAsync(new LockRoom());
        await host.SendAsync(new UnlockRoom());
        foreach (var member in new[] { bob, carol })
        {
            Assert.True((await member.NextAsync<RoomUpdated>()).Locked);
            Assert.False((await member.NextAsync<RoomUpdated>()).Locked);
        }

        await host.SendAsync(new MakeHost(2));
        var promoted = await bob.NextAsync<MemberUpdated>();
        Assert.Equal((2, "host"), (promoted.Member, promoted.Role));
        Assert.Equal("host", (await carol.NextAsync<MemberUpdated>()).Role);

        // The new host removes Carol: 4003, no reconnect, barred at the router too.
        await bob.SendAsync(new RemoveMember(3));
        var removed = await carol.ClosedAsync();
        Assert.Equal(StreamProtocol.CloseCodes.Removed, removed.CloseStatus);
        var left = await host.NextAsync<MemberLeft>();
        Assert.Equal((3, "removed"), (left.Member, left.Reason));
        var barred = await RouterRefusal.OfJoinAsync(token => system.Router.JoinRoomAsync(ticket.RoomId, key: ticket.JoinKey, heldClientId: carolTicket.ClientId, cancellationToken: token));
        Assert.Equal((HttpStatusCode.Forbidden, "barred"), (barred.Status, barred.ProblemType));

        await host.SendAsync(new EndRoom());
        Assert.Equal("ended_by_host", (await bob.NextAsync<RoomEnded>()).Reason);
        Assert.Equal(StreamProtocol.CloseCodes.RoomEnded, (await bob.ClosedAsync()).CloseStatus);
        Assert.Equal(StreamProtocol.CloseCodes.RoomEnded, (await host.ClosedAsync()).CloseStatus);
        var ended = await RouterRefusal.OfJoinAsync(token => system.Router.JoinRoomAsync(ticket.RoomId, key: ticket.JoinKey, cancellationToken: token));
        Assert.True((ended.Status, ended.ProblemType) == (HttpStatusCode.Gone, "room-ended"), $"{ended.Status} {ended.ProblemType}: {ended.Detail}");
    }

    [Fact]
    public async Task ASecondSocketOfTheSameSeatReplacesTheFirstWith4000()
    {
        var ticket = await system.Router.CreateRoomAsync();
        await using var first = await TestMember.ConnectAsync(ticket);
        var welcome = await first.NextAsync<Welcome>();

        // Another tab of the same identity: a fresh ticket for the held seat.
        await using var second = await TestMember.ConnectAsync(await system.Router.JoinRoomAsync(ticket.RoomId, heldClientId: ticket.ClientId));
        var again = await second.NextAsync<Welcome>();

        Assert.Equal(StreamProtocol.CloseCodes.Replaced, (await first.ClosedAsync()).CloseStatus);
        Assert.Equal(welcome.You.Member, again.You.Member);
        Assert.Equal(ConnectionState.Live, second.Connection.State);
    }

    [Fact]
    public async Task AV1SocketInAV2RoomIsRefusedWith409()
    {
        var ticket = await system.Router.CreateRoomAsync();
        await using var host = await TestMember.ConnectAsync(ticket);
        await host.NextAsync<Welcome>();
        var guest = await system.Router.JoinRoomAsync(ticket.RoomId, key: ticket.JoinKey);

        using var v1 = new ClientWebSocket();
        v1.Options.AddSubProtocol(StreamProtocol.V1);
        v1.Options.CollectHttpResponseDetails = true;
        var uri = new Uri($"{guest.StreamUrl}?ticket={Uri.EscapeDataString(guest.Ticket)}");
        await Assert.ThrowsAsync<WebSocketException>(() => v1.ConnectAsync(uri, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Conflict, v1.HttpStatusCode);
    }
}
