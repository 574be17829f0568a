using System.Threading.Channels;
using AvatarStream.Client;
using AvatarStream.Client.Messages;
using AvatarStream.Contracts;

namespace AvatarStream.EndToEnd.Tests.ProtocolV2;

// A member on the client library: its ticket and connection, and bounded waits for what it receives. Every sequenced
// event it reads is checked to carry the next seq, so any test that reads events also checks that seq has no gaps.
public sealed class TestMember(RoomTicket ticket, RoomConnection connection) : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private long _seq = -1;

    public RoomTicket Ticket => ticket;

    public RoomConnection Connection => connection;

    public List<ServerMessage> Seen { get; } = [];

    public static async Task<TestMember> ConnectAsync(RoomTicket ticket, RoomConnectionOptions? options = null) =>
        new(ticket, await RoomConnection.ConnectAsync(ticket, options));

    public Task<bool> SendAsync(ClientMessage message) => connection.SendAsync(message);

    // The next message of type T; messages of other types on the way are kept in Seen.
    public async Task<T> NextAsync<T>()
        where T : ServerMessage
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            ServerMessage message;
            try
            {
                message = await connection.Messages.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no {typeof(T).Name} within {Patience}; seen: {string.Join(", ", Seen.Select(m => m.Type))}");
            }
            catch (ChannelClosedException)
            {
                throw new InvalidOperationException($"closed ({(await connection.Completion).CloseStatus}) before a {typeof(T).Name}; seen: {string.Join(", ", Seen.Select(m => m.Type))}");
            }

            Seen.Add(message);
            CheckSeq(message);
            if (message is T wanted)
            {
                return wanted;
            }
        }
    }

    // The next media frame.
    public async Task<MediaFrame> NextMediaAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await connection.Media.ReadAsync(timeout.Token);
    }

    public async Task<CloseReason> ClosedAsync() => await connection.Completion.WaitAsync(Patience);

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private void CheckSeq(ServerMessage message)
    {
        switch (message)
        {
            case Welcome welcome:
                Assert.True(_seq < 0 || welcome.Seq == _seq, $"welcome.seq {welcome.Seq} after seq {_seq}");
                _seq = welcome.Seq;
                break;
            case Resumed resumed:
                // The missed events follow it, each on its own.
                _seq = resumed.Seq - resumed.Missed.Count;
                break;
            case ISequencedEvent sequenced when _seq >= 0:
                Assert.Equal(_seq + 1, sequenced.Seq);
                _seq = sequenced.Seq;
                break;
        }
    }
}
