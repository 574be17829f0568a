using System.Collections.Concurrent;
using System.Threading.Channels;
using AvatarStream.Contracts;
using AvatarStream.StreamService.RoomRouter;

namespace AvatarStream.StreamService.Tests.Infrastructure;

// Records the calls a stream instance makes to the room router; put-task can be told to fail first, remove-client
// can be held back, and the rooms it lists for the instance can be set, held back or made to fail.
public sealed class FakeRoomRouter : IRoomRouterClient
{
    private readonly Channel<RemoveClientRequest> _removals = Channel.CreateUnbounded<RemoveClientRequest>();
    private readonly TaskCompletionSource<PutTaskRequest> _announced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _putTaskAttempts;

    public int PutTaskFailuresBeforeSuccess { get; set; }

    public int PutTaskAttempts => Volatile.Read(ref _putTaskAttempts);

    public ConcurrentQueue<RemoveClientRequest> Removals { get; } = new();

    public ConcurrentQueue<EndRoomRequest> EndedRooms { get; } = new();

    public Task<PutTaskRequest> Announced => _announced.Task;

    // What GET /instances/{id}/rooms answers.
    public IReadOnlyList<HostedRoom> HostedRooms { get; set; } = [];

    // The rooms answer waits for this; completed unless a test holds it back.
    public Task HostedRoomsGate { get; set; } = Task.CompletedTask;

    public bool HostedRoomsFail { get; set; }

    public string? HostedRoomsAskedFor { get; private set; }

    public Task PutTaskAsync(PutTaskRequest request, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _putTaskAttempts) <= PutTaskFailuresBeforeSuccess)
        {
            throw new HttpRequestException("room-router is not up yet");
        }

        _announced.TrySetResult(request);
        return Task.CompletedTask;
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

    public async Task<InstanceRooms> GetHostedRoomsAsync(string instanceId, CancellationToken cancellationToken)
    {
        HostedRoomsAskedFor = instanceId;
        await HostedRoomsGate.WaitAsync(cancellationToken);
        return HostedRoomsFail ? throw new HttpRequestException("room-router is down") : new InstanceRooms(instanceId, HostedRooms);
    }

    // The next remove-client call, or a timeout.
    public async Task<RemoveClientRequest> NextRemovalAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await _removals.Reader.ReadAsync(cts.Token);
    }
}
