using System.Collections.Concurrent;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Streams;

namespace AvatarStream.RoomRouter.Tests.Fakes;

// Stream instances that accept every /register, except those marked dead.
public sealed class FakeStreamInstances : IStreamInstanceClient
{
    public ConcurrentDictionary<string, bool> Dead { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<(string InstanceId, RegisterRequest Request)> Registered { get; } = new();

    // When set, every call throws it, as an unexpected failure would.
    public Exception? Failure { get; set; }

    // When set, every call waits for it first, as a slow instance would.
    public Task? Hold { get; set; }

    public async Task<bool> RegisterAsync(string instanceId, RegisterRequest request, CancellationToken cancellationToken)
    {
        if (Hold is { } hold)
        {
            await hold.WaitAsync(cancellationToken);
        }

        return await RegisterNowAsync(instanceId, request);
    }

    private Task<bool> RegisterNowAsync(string instanceId, RegisterRequest request)
    {
        if (Failure is not null)
        {
            return Task.FromException<bool>(Failure);
        }

        if (Dead.ContainsKey(instanceId))
        {
            return Task.FromResult(false);
        }

        Registered.Enqueue((instanceId, request));
        return Task.FromResult(true);
    }
}
