using System.Collections.Concurrent;
using System.Threading.Channels;
using AvatarStream.Contracts;
using AvatarStream.StreamService.RoomRouter;

namespace AvatarStream.StreamService.Tests.Infrastructure;

// Records the calls a stream instance makes to the room router; put-task can be told to fail first and answers the era
// a test sets, remove-client can be held back, record-room answers what a test scripts.
public sealed class FakeRoomRouter : IRoomRouterClient
{
    private readonly Channel<RemoveClientRequest> _removals = Channel.CreateUnbounded<RemoveClientRequest>();
    private readonly Channel<PutTaskRequest> _putTasks = Channel.CreateUnbounded<PutTaskRequest>();
    private readonly Channel<RecordRoomRequest> _recordRequests = Channel.CreateUnbounded<RecordRoomRequest>();
    private readonly TaskCompletionSource<PutTaskRequest> _announced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _putTaskAttempts;
    private long _era = 1;

    public int PutTaskFailuresBeforeSuccess { get; set; }

    public int PutTaskAttempts => Volatile.Read(ref _putTaskAttempts);

    // What put-task answers from now on.
    public long Era
    {
        get => Interlocked.Read(ref _era);
        set => Interlocked.Exchange(ref _era, value);
    }

    public ConcurrentQueue<RemoveClientRequest> Removals { get; } = new();

    public ConcurrentQueue<EndRoomRequest> EndedRooms { get; } = new();

    // drain-instance and evict-instance requests, in the order they came.
    public ConcurrentQueue<object> DrainCalls { get; } = new();

    // Told of each drain-instance or evict-instance request as it comes, to see what the instance was doing then.
    public Action<object>? OnDrainCall { get; set; }

    public Task<PutTaskRequest> Announced => _announced.Task;

    public Task<PutTaskResponse> PutTaskAsync(PutTaskRequest request, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _putTaskAttempts) <= PutTaskFailuresBeforeSuccess)
        {
            throw new HttpRequestException("room-router is not up yet");
        }

        _announced.TrySetResult(request);
        _putTasks.Writer.TryWrite(request);
        return Task.FromResult(new PutTaskResponse(Era));
    }

    // Each remove-client call waits for this before it is recorded; completed unless a test holds it back.
    public Task RemoveClientGate { get; set; } = Task.CompletedTask;

    public async Task RemoveClientAsync(RemoveClientRequest request, CancellationToken cancellationToken)
    {
        await RemoveClientGate.WaitAsync(cancellationToken);
        Removals.Enqueue(request);
        _removals.Writer.TryWrite(request);
    }

    public Task EndRoomAsync(EndRoomRequest request, CancellationToken cancellationToken)
    {
        EndedRooms.Enqueue(request);
        return Task.CompletedTask;
    }

    // What record-room answers (or throws, for a router that cannot be reached); recording by default.
    public Func<RecordRoomRequest, RecordRoomResponse> RecordRoomAnswer { get; set; } = _ => new RecordRoomResponse(true);

    public Task<RecordRoomResponse> RecordRoomAsync(RecordRoomRequest request, CancellationToken cancellationToken)
    {
        _recordRequests.Writer.TryWrite(request);
        return Task.FromResult(RecordRoomAnswer(request));
    }

    // The next record-room call (each retry is one), or a timeout.
    public async Task<RecordRoomRequest> NextRecordRequestAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await _recordRequests.Reader.ReadAsync(cts.Token);
    }

    public Task DrainInstanceAsync(DrainInstanceRequest request, CancellationToken cancellationToken) => DrainCallAsync(request);

    public Task EvictInstanceAsync(EvictInstanceRequest request, CancellationToken cancellationToken) => DrainCallAsync(request);

    private Task DrainCallAsync(object request)
    {
        OnDrainCall?.Invoke(request);
        DrainCalls.Enqueue(request);
        return Task.CompletedTask;
    }

    // The next remove-client call, or a timeout.
    public async Task<RemoveClientRequest> NextRemovalAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await _removals.Reader.ReadAsync(cts.Token);
    }

    // The next put-task answered (the first is the announcement at start), or a timeout.
    public async Task<PutTaskRequest> NextPutTaskAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await _putTasks.Reader.ReadAsync(cts.Token);
    }
}
