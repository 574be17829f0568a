using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using AvatarStream.Client;
using AvatarStream.Contracts;

namespace AvatarStream.EndToEnd.Tests.Moves;

// A member on the client library that streams numbered video frames every 20 ms and notes when it last received one
// from anybody: enough to see a room go quiet when its instance dies and come back when it has moved. It keeps a history
// of its connection (states, rejoins, welcomes, members coming and going) for the failure message.
internal sealed class StreamingMember : IAsyncDisposable
{
    private static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(20);

    private readonly RoomConnection _connection;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sending;
    private readonly Task _receiving;
    private readonly Task _reading;
    private readonly Task _watching;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly ConcurrentQueue<string> _history = new();
    private int _sent;
    private int _notSent;
    private int _sendsThrown;
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
        _watching = WatchStateAsync();
    }

    // What happened to the connection, with the time since the member joined: states, welcomes, frames sent and
    // received in between. Printed when a wait runs out.
    public string History => string.Join("; ", _history) + $"; now sent {Volatile.Read(ref _sent)}, not sent {Volatile.Read(ref _notSent)}, received {Received}";

    // Sends that threw instead of answering false (the client library promises false for a socket that broke).
    public int SendsThrown => Volatile.Read(ref _sendsThrown);

    public RoomTicket Ticket => _connection.Ticket;

    public int Received => Volatile.Read(ref _received);

    // Welcomes received: one per fresh session, so one more after every move.
    public int Welcomes => Volatile.Read(ref _welcomes);

    // When the last welcome arrived (Stopwatch.GetTimestamp()).
    public long LastWelcomeAt => Interlocked.Read(ref _lastWelcome);

    // Whether the connection ended for good (never expected in these tests: the client reconnects on its own).
    public bool Ended => _connection.Completion.IsCompleted;

    public Task<CloseReason> Completion => _connection.Completion;

    public static async Task<StreamingMember> JoinAsync(RoomRouterClient router, RoomTicket ticket, string key)
    {
        StreamingMember? member = null;
        var rejoin = router.Rejoin(key: key);
        var connection = await RoomConnection.ConnectAsync(ticket, new RoomConnectionOptions
        {
            Rejoin = async (held, cancellationToken) =>
            {
                try
                {
                    var next = await rejoin(held, cancellationToken);
                    member?.Note($"rejoin answered {next.StreamUrl}");
                    return next;
                }
                catch (Exception exception)
                {
                    member?.Note($"rejoin threw {exception.GetType().Name}: {exception.Message}");
                    throw;
                }
            },
        });
        return member = new StreamingMember(connection);
    }

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
        await Task.WhenAll(_sending, _receiving, _reading, _watching).ContinueWith(_ => { }, TaskScheduler.Default);
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
                var sent = await _connection.SendMediaAsync(MediaKind.Video, 0, payload, _stop.Token);
                if (sent)
                {
                    Interlocked.Increment(ref _sent);
                }
                else
                {
                    Interlocked.Increment(ref _notSent);
                }

                await Task.Delay(FrameInterval, _stop.Token);
            }
            catch (Exception exception) when (_stop.IsCancellationRequested && exception is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (Exception exception)
            {
                // Counted and noted, and the member keeps streaming, so one broken promise does not hide what follows.
                Interlocked.Increment(ref _sendsThrown);
                Note($"send threw {exception.GetType().Name}: {exception.Message}");
                await Task.Delay(FrameInterval);
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
                if (message is Client.Messages.Welcome welcome)
                {
                    Note($"welcome as {welcome.You.Member} on {_connection.Ticket.StreamUrl} with [{string.Join(", ", welcome.Members.Select(m => $"{m.Member} {m.State}"))}]");
                    Interlocked.Exchange(ref _lastWelcome, Stopwatch.GetTimestamp());
                    Interlocked.Increment(ref _welcomes);
                }
                else if (message is Client.Messages.MemberJoined or Client.Messages.MemberUpdated or Client.Messages.MemberLeft or Client.Messages.ErrorMessage)
                {
                    Note(message.ToString()!);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task WatchStateAsync()
    {
        try
        {
            await foreach (var change in _connection.StateChanges.ReadAllAsync(_stop.Token))
            {
                var reason = change.Reason is { } r ? $" ({r.Kind} {r.CloseStatus} {r.Description} {r.HttpStatus} {r.ProblemType} {r.Error?.GetType().Name})" : string.Empty;
                Note($"{change.Previous} -> {change.State}{reason}");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Note(string what) =>
        _history.Enqueue($"{Stopwatch.GetElapsedTime(_started).TotalMilliseconds:0} ms {what} (sent {Volatile.Read(ref _sent)}, received {Received})");

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
