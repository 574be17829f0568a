using System.Net.WebSockets;
using System.Text.Json;
using AvatarStream.Client;
using AvatarStream.Client.Messages;
using AvatarStream.Contracts;

namespace AvatarStream.EndToEnd.Tests.ProtocolV2;

[Collection(nameof(V2SystemCollection))]
public sealed class ResumeTests(V2System system)
{
    [Fact]
    public async Task AfterAnAbruptDropTheMemberResumesWithTheEventItMissedAndOthersSeeOnlyReconnecting()
    {
        var ticket = await system.Router.CreateRoomAsync();
        await using var host = await TestMember.ConnectAsync(ticket);
        await host.NextAsync<Welcome>();
        var bobTicket = await system.Router.JoinRoomAsync(ticket.RoomId, key: ticket.JoinKey, name: "Bob");
        await using var relay = new TcpRelay(new Uri(bobTicket.StreamUrl));
        var reconnectMayStart = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bob = await TestMember.ConnectAsync(
            bobTicket with { StreamUrl = relay.Url },
            new RoomConnectionOptions { Delay = (_, cancellationToken) => reconnectMayStart.Task.WaitAsync(cancellationToken) });
        await bob.NextAsync<Welcome>();
        await host.NextAsync<MemberJoined>();

        relay.CutAll();
        await StateAsync(bob, ConnectionState.Reconnecting);
        Assert.Equal("reconnecting", (await host.NextAsync<MemberUpdated>()).State);
        var stale = bob.Connection.ResumeToken!;
        await host.SendAsync(new SetMeta(JsonDocument.Parse("""{"muted":true}""").RootElement));

        // The host's socket is read in order: once its ping is answered, the meta change is an event kept for Bob.
        await host.SendAsync(new Ping(JsonDocument.Parse("1").RootElement));
        await host.NextAsync<Pong>();
        reconnectMayStart.SetResult();

        Assert.True((await StateAsync(bob, ConnectionState.Live)).Recovered);
        var resumed = await bob.NextAsync<Resumed>();
        var missed = Assert.IsType<MemberUpdated>(Assert.Single(resumed.Missed));
        Assert.True(missed.Meta!.Value.GetProperty("muted").GetBoolean());
        Assert.Equal(1, (await bob.NextAsync<MemberUpdated>()).Member);
        Assert.Equal("connected", (await host.NextAsync<MemberUpdated>()).State);
        Assert.DoesNotContain(host.Seen, message => message is MemberLeft);
        Assert.Single(host.Seen.OfType<MemberJoined>());

        // The secret rotated with the resume: the old one alone opens nothing, and next to a new ticket it gets a fresh
        // welcome, not the missed events.
        using var alone = new ClientWebSocket();
        alone.Options.CollectHttpResponseDetails = true;
        alone.Options.AddSubProtocol(StreamProtocol.V2);
        alone.Options.AddSubProtocol(StreamAuth.Encode(new StreamCredentials(null, bobTicket.RoomId, stale)));
        using var timeout = new CancellationTokenSource(TestMember.Patience);
        await Assert.ThrowsAsync<WebSocketException>(() => alone.ConnectAsync(new Uri(bobTicket.StreamUrl), timeout.Token));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, alone.HttpStatusCode);

        var fresh = await system.Router.JoinRoomAsync(bobTicket.RoomId, heldClientId: bobTicket.ClientId);
        using var replay = new ClientWebSocket();
        replay.Options.AddSubProtocol(StreamProtocol.V2);
        replay.Options.AddSubProtocol(StreamAuth.Encode(new StreamCredentials(fresh.Ticket, null, stale)));
        await replay.ConnectAsync(new Uri(fresh.StreamUrl), timeout.Token);
        var buffer = new byte[64 * 1024];
        var first = await replay.ReceiveAsync(buffer, timeout.Token);
        Assert.Equal("welcome", JsonDocument.Parse(buffer.AsMemory(0, first.Count)).RootElement.GetProperty("type").GetString());
    }

    // The next change into the given state; earlier changes are passed over.
    internal static async Task<ConnectionStateChange> StateAsync(TestMember member, ConnectionState state)
    {
        using var timeout = new CancellationTokenSource(TestMember.Patience);
        while (true)
        {
            var change = await member.Connection.StateChanges.ReadAsync(timeout.Token);
            if (change.State == state)
            {
                return change;
            }
        }
    }
}
