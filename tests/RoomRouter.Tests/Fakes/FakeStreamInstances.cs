using System.Collections.Concurrent;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Streams;

namespace AvatarStream.RoomRouter.Tests.Fakes;

/// <summary>Stream instances that accept every <c>/register</c>, except those marked dead.</summary>
public sealed class FakeStreamInstances : IStreamInstanceClient
{
    public ConcurrentDictionary<string, bool> Dead { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<(string InstanceId, RegisterRequest Request)> Registered { get; } = new();

    public Task<bool> RegisterAsync(string instanceId, RegisterRequest request, CancellationToken cancellationToken)
    {
        if (Dead.ContainsKey(instanceId))
        {
            return Task.FromResult(false);
        }

        Registered.Enqueue((instanceId, request));
        return Task.FromResult(true);
    }
}
