using System.Net.WebSockets;
using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace AvatarStream.StreamService.Tests.Core;

// Counts process-wide allocations, so it runs alone.
[Collection(nameof(AloneCollection))]
public sealed class SteadyStateAllocationTests(ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task RelayingAMessageAllocatesNothingInSteadyState()
    {
        using var registry = new RoomRegistry(
            new RelayOptions { ClaimTimeout = Timeout.InfiniteTimeSpan }, new RecordingDepartures(), CoreFixtures.Metrics(), TimeProvider.System, NullLogger<RoomRegistry>.Instance);
        registry.Register("r", "sender");
        registry.Register("r", "receiver");
        var (senderServer, sender) = await LoopbackWebSockets.CreatePairAsync();
        var (receiverServer, receiver) = await LoopbackWebSockets.CreatePairAsync();
        var relaying = Task.WhenAll(registry.RunAsync(() => Task.FromResult(senderServer), "r", "sender"), registry.RunAsync(() => Task.FromResult(receiverServer), "r", "receiver"));
        var payload = new byte[1024];
        var buffer = new byte[4096];

        async Task RelayAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                await sender.SendAsync(payload.AsMemory(), WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
                var result = await receiver.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                // Assert.Equal allocates; this check does not.
                if (result.Count != payload.Length || !result.EndOfMessage)
                {
                    throw new InvalidOperationException($"got {result.Count} bytes");
                }
            }
        }

        await RelayAsync(5_000);
        const int measured = 20_000;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await RelayAsync(measured);
        var perMessage = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)measured;
        output.WriteLine($"{perMessage:F1} bytes allocated per relayed message (relay and both test clients)");

        // A few bytes on average leave room for the runtime's occasional bookkeeping, not for a per-message object.
        Assert.True(perMessage < 16, $"{perMessage:F1} bytes per message");
        await sender.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await receiver.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await relaying;
    }
}
