using System.Net.WebSockets;
using System.Text;
using AvatarStream.StreamService.Tests.Infrastructure;

namespace AvatarStream.StreamService.Tests.Service;

public sealed class RelayTests
{
    [Fact(Timeout = 30_000)]
    public async Task BinaryAndTextReachTheOtherMemberUnchangedAndAreNotEchoed()
    {
        await using var app = new StreamServiceFactory();
        using var alice = await app.JoinAsync("00157");
        using var bob = await app.JoinAsync("00157");

        var binary = Payloads.Make(1, 1, 3000);
        await alice.SendAsync(binary);
        await alice.SendTextAsync("héllo, room");

        var first = await bob.ReceiveAsync();
        Assert.Equal(WebSocketMessageType.Binary, first.Type);
        Assert.Equal(binary, first.Payload);
        var second = await bob.ReceiveAsync();
        Assert.Equal(WebSocketMessageType.Text, second.Type);
        Assert.Equal("héllo, room", Encoding.UTF8.GetString(second.Payload));

        // Bob answers; the first thing Alice receives must be Bob's message, not her own.
        await bob.SendTextAsync("from bob");
        var atAlice = await alice.ReceiveAsync();
        Assert.Equal("from bob", Encoding.UTF8.GetString(atAlice.Payload));
    }

    [Theory(Timeout = 60_000)]
    [InlineData(2, 40)]
    [InlineData(3, 40)]
    [InlineData(50, 3)]
    public async Task EveryMessageReachesEveryOtherMemberInSenderOrder(int members, int messagesPerSender)
    {
        await using var app = new StreamServiceFactory();
        var sockets = new List<TestSocket>();
        for (var i = 0; i < members; i++)
        {
            sockets.Add(await app.JoinAsync("00042"));
        }

        var receiving = sockets.Select((socket, index) => ReceiveAllAsync(socket, (members - 1) * messagesPerSender)).ToArray();
        await Task.WhenAll(sockets.Select(async (socket, sender) =>
        {
            for (var sequence = 0; sequence < messagesPerSender; sequence++)
            {
                await socket.SendAsync(Payloads.Make(sender, sequence, 100 + sequence));
            }
        }));

        for (var receiver = 0; receiver < members; receiver++)
        {
            var received = await receiving[receiver];
            Assert.DoesNotContain(received, m => m.Sender == receiver);
            foreach (var group in received.GroupBy(m => m.Sender))
            {
                Assert.Equal(Enumerable.Range(0, messagesPerSender), group.Select(m => m.Sequence));
            }

            Assert.Equal(members - 1, received.Select(m => m.Sender).Distinct().Count());
        }

        sockets.ForEach(s => s.Dispose());
    }

    [Fact(Timeout = 30_000)]
    public async Task FragmentedMessageArrivesWholeWithItsOpcode()
    {
        await using var app = new StreamServiceFactory();
        using var alice = await app.JoinAsync("00001");
        using var bob = await app.JoinAsync("00001");

        var text = string.Concat(Enumerable.Repeat("fragmented ✓ ", 2000));
        var bytes = Encoding.UTF8.GetBytes(text);
        var parts = bytes.Chunk(7000).ToArray();
        for (var i = 0; i < parts.Length; i++)
        {
            await alice.Socket.SendAsync(parts[i], WebSocketMessageType.Text, endOfMessage: i == parts.Length - 1, CancellationToken.None);
        }

        var received = await bob.ReceiveAsync();
        Assert.Equal(WebSocketMessageType.Text, received.Type);
        Assert.Equal(text, Encoding.UTF8.GetString(received.Payload));
    }

    [Fact(Timeout = 30_000)]
    public async Task MessageAtTheCapIsRelayed()
    {
        await using var app = new StreamServiceFactory(("Stream:MaxMessageBytes", "65536"));
        using var alice = await app.JoinAsync("00002");
        using var bob = await app.JoinAsync("00002");

        var atCap = Payloads.Make(0, 0, 65536);
        await alice.SendAsync(atCap);

        Assert.Equal(atCap, (await bob.ReceiveAsync()).Payload);
        Assert.Equal(WebSocketState.Open, alice.Socket.State);
    }

    [Fact(Timeout = 30_000)]
    public async Task MessageOverTheCapClosesTheSenderWith1009AndIsNotRelayed()
    {
        await using var app = new StreamServiceFactory(("Stream:MaxMessageBytes", "65536"));
        using var alice = await app.JoinAsync("00003");
        using var bob = await app.JoinAsync("00003");

        await alice.SendAsync(Payloads.Make(0, 0, 65537));

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await alice.ReceiveCloseAsync());
        await alice.CloseAsync();
        var removal = await app.Router.NextRemovalAsync(TestSocket.DefaultTimeout);
        Assert.Equal(alice.ClientId, removal.ClientId);

        // Bob got nothing from the oversized message: the next thing he sees is this.
        using var carol = await app.JoinAsync("00003");
        await carol.SendTextAsync("after");
        Assert.Equal("after", Encoding.UTF8.GetString((await bob.ReceiveAsync()).Payload));
    }

    private static async Task<List<(int Sender, int Sequence)>> ReceiveAllAsync(TestSocket socket, int count)
    {
        var received = new List<(int, int)>(count);
        while (received.Count < count)
        {
            var (type, payload) = await socket.ReceiveAsync();
            Assert.Equal(WebSocketMessageType.Binary, type);
            var (sender, sequence) = Payloads.Read(payload);
            Assert.Equal(Payloads.Make(sender, sequence, 100 + sequence), payload);
            received.Add((sender, sequence));
        }

        return received;
    }
}
