using System.Collections.Concurrent;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Streams;

namespace AvatarStream.RoomRouter.Tests.Fakes;

// Stream instances that accept every /register and /place-room, except those marked dead; an instance given an era in
// Eras refuses calls of any other era as stale, as a real instance does.
public sealed class FakeStreamInstances : IStreamInstanceClient
{
    public ConcurrentDictionary<string, bool> Dead { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, long> Eras { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<(string InstanceId, RegisterRequest Request)> Registered { get; } = new();

    public ConcurrentQueue<(string InstanceId, PlaceRoomRequest Request)> Placed { get; } = new();

    // When set, every call throws it, as an unexpected failure would.
    public Exception? Failure { get; set; }

    // When set, every call waits for it first, as a slow instance would.
    public Task? Hold { get; set; }

    public async Task<SeatingResult> RegisterAsync(string instanceId, RegisterRequest request, CancellationToken cancellationToken)
    {
        var result = await AnswerAsync(instanceId, request.Era, cancellationToken);
        if (result is SeatingResult.Seated)
        {
            Registered.Enqueue((instanceId, request));
        }

        return result;
    }

    public ConcurrentQueue<(string InstanceId, NotifyRequest Request)> Notified { get; } = new();

    public async Task<bool> NotifyAsync(string instanceId, NotifyRequest request, CancellationToken cancellationToken)
    {
        var result = await AnswerAsync(instanceId, era: null, cancellationToken);
        if (result is SeatingResult.Seated)
        {
            Notified.Enqueue((instanceId, request));
        }

        return result is SeatingResult.Seated;
    }

    public async Task<SeatingResult> PlaceRoomAsync(string instanceId, PlaceRoomRequest request, CancellationToken cancellationToken)
    {
        var result = await AnswerAsync(instanceId, request.Era, cancellationToken);
        if (result is SeatingResult.Seated)
        {
            Placed.Enqueue((instanceId, request));
        }

        return result;
    }

    private async Task<SeatingResult> AnswerAsync(string instanceId, long? era, CancellationToken cancellationToken)
    {
        if (Hold is { } hold)
        {
            await hold.WaitAsync(cancellationToken);
        }

        if (Failure is not null)
        {
            throw Failure;
        }

        if (Dead.ContainsKey(instanceId))
        {
            return SeatingResult.Failed;
        }

        return era is { } asked && Eras.TryGetValue(instanceId, out var current) && current != asked ? SeatingResult.StaleEra : SeatingResult.Seated;
    }
}
