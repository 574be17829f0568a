using System.Buffers.Binary;
using System.Diagnostics;
using AvatarStream.Client;
using AvatarStream.Contracts;

namespace AvatarStream.EndToEnd.Tests.Moves;

// A member on the client library that streams numbered video frames every 20 ms and notes when it last received one
// from anybody: enough to see a room go quiet when its instance dies and come back when it has moved.
internal sealed class StreamingMember : IAsyncDisposable
{
    private static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(20);

    private readonly RoomConnection _connection;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sending;
    private readonly Task _receiving;
    private readonly Task _reading;
    private long _lastReceived;
    private int _received;
    private int _welcomes;
    private long _lastWelcome;

    private StreamingMember(RoomConnection connection)
    {
        _connection = connection;
        _sending = SendAsync();
        _receiving = ReceiveAsync();
        _reading = ReadMessagesAsync();
    }

    public RoomTicket Ticket => _connection.Ticket;

    public int Received => Volatile.Read(ref _received);

    // Welcomes received: one per fresh session, so one more after every move.
    public int Welcomes => Volatile.Read(ref _welcomes);

    // When the last welcome arrived (Stopwatch.GetTimestamp()).
    public long LastWelcomeAt => Interlocked.Read(ref _lastWelcome);

    // Whether the connection ended for good (never expected in these tests: the client reconnects on its own).
    public bool Ended => _connection.Completion.IsCompleted;

    public Task<CloseReason> Completion => _connection.Completion;

    public static async Task<StreamingMember> JoinAsync(RoomRouterClient router, RoomTicket ticket, string key) =>
        new(await RoomConnection.ConnectAsync(ticket, new RoomConnectionOptions { Rejoin = router.Rejoin(key: key) }));

    // Waits until a frame arrives later than the timestamp since (Stopwatch.GetTimestamp()); when it arrived, or null
    // when none came within limit.
    public async Task<long?> FrameAfterAsync(long since, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < limit)
        {
            var last = Interlocked.Read(ref _lastReceived);
            if (last > since)
            {
                return last;
            }

            if (Ended)
            {
                return null;
            }

            await Task.Delay(20);
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _connection.DisposeAsync();
        await Task.WhenAll(_sending, _receiving, _reading).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task SendAsync()
    {
        var payload = new byte[4];
        for (var next = 0; !_stop.IsCancellationRequested; next++)
        {
            BinaryPrimitives.WriteInt32BigEndian(payload, next);
            try
            {
                // False while the socket is down; the frames of an outage are simply lost, as a camera's would be.
                await _connection.SendMediaAsync(MediaKind.Video, 0, payload, _stop.Token);
                await Task.Delay(FrameInterval, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
        }
    }

    // Waits until the member has received more than count welcomes; false when it did not within limit.
    public async Task<bool> WelcomedAfterAsync(int count, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (Welcomes <= count && waited.Elapsed < limit && !Ended)
        {
            await Task.Delay(20);
        }

        return Welcomes > count;
    }

    private async Task ReadMessagesAsync()
    {
        try
        {
            await foreach (var message in _connection.Messages.ReadAllAsync(_stop.Token))
            {
                if (message is Client.Messages.Welcome)
                {
                    Interlocked.Exchange(ref _lastWelcome, Stopwatch.GetTimestamp());
                    Interlocked.Increment(ref _welcomes);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ReceiveAsync()
    {
        try
        {
            await foreach (var _ in _connection.Media.ReadAllAsync(_stop.Token))
            {
                Interlocked.Exchange(ref _lastReceived, Stopwatch.GetTimestamp());
                Interlocked.Increment(ref _received);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
