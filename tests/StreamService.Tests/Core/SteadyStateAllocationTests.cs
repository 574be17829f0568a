using System.Net.WebSockets;
using System.Text.Json;
using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace AvatarStream.StreamService.Tests.Core;

// Counts process-wide allocations, so it runs alone.
[Collection(nameof(AloneCollection))]
public sealed class SteadyStateAllocationTests(ITestOutputHelper output)
{
    private const int WarmUp = 5_000;
    private const int Measured = 20_000;

    [Fact(Timeout = 60_000)]
    public async Task RelayingAMessageAllocatesNothingInSteadyState()
    {
        using var registry = NewRegistry();
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

        await RelayAsync(WarmUp);
        var perMessage = await BytesPerMessageAsync(() => RelayAsync(Measured));
        output.WriteLine($"v1: {perMessage:F1} bytes allocated per relayed message (relay and both test clients)");

        // A few bytes on average leave room for the runtime's occasional bookkeeping, not for a per-message object.
        Assert.True(perMessage < 16, $"{perMessage:F1} bytes per message");
        await sender.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await receiver.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await relaying;
    }

    [Fact(Timeout = 60_000)]
    public async Task RelayingAV2MediaMessageAllocatesNothingInSteadyState()
    {
        using var registry = NewRegistry();
        registry.Register("r", "receiver");
        registry.Register("r", "sender");

        // The receiver joins first (member 1), so the sender (member 2) publishes into a room where the default
        // subscription already routes its video to the receiver.
        var (receiverServer, receiver) = await LoopbackWebSockets.CreatePairAsync();
        var receiving = registry.RunAsync(registry.Join("r", "receiver", RoomProtocol.V2), () => Task.FromResult(receiverServer));
        var (senderServer, sender) = await LoopbackWebSockets.CreatePairAsync();
        var sending = registry.RunAsync(registry.Join("r", "sender", RoomProtocol.V2), () => Task.FromResult(senderServer));
        const int senderNumber = 2;

        var buffer = new byte[4096];
        await ReadControlUntilAsync(receiver, buffer, "member_joined");

        // [kind 1 video][layer 0][payload]: the receiver gets [1][0][sender u16 BE][payload].
        var frame = new byte[2 + 1024];
        frame[0] = 1;
        var controlSkipped = 0;

        async Task RelayAsync(int count, bool warmUp)
        {
            for (var i = 0; i < count; i++)
            {
                await sender.SendAsync(frame.AsMemory(), WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
                var result = await receiver.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                while (warmUp && result.MessageType == WebSocketMessageType.Text)
                {
                    // Control that followed member_joined (layers_wanted): it may arrive before the first media.
                    controlSkipped++;
                    result = await receiver.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                }

                // Assert.Equal allocates; these checks do not.
                if (result.MessageType != WebSocketMessageType.Binary || result.Count != frame.Length + 2 || !result.EndOfMessage)
                {
                    throw new InvalidOperationException($"got a {result.MessageType} message of {result.Count} bytes");
                }

                if (buffer[0] != 1 || buffer[1] != 0 || buffer[2] != 0 || buffer[3] != senderNumber)
                {
                    throw new InvalidOperationException($"header {buffer[0]} {buffer[1]} {buffer[2]} {buffer[3]}");
                }
            }
        }

        await RelayAsync(WarmUp, warmUp: true);
        var perMessage = await BytesPerMessageAsync(() => RelayAsync(Measured, warmUp: false));
        output.WriteLine($"v2: {perMessage:F1} bytes allocated per relayed message (relay and both test clients); {controlSkipped} control messages skipped in the warm-up");

        Assert.True(perMessage < 16, $"{perMessage:F1} bytes per message");
        await sender.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await receiver.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await Task.WhenAll(receiving, sending);
    }

    private static RoomRegistry NewRegistry() => new(
        new RelayOptions { ClaimTimeout = Timeout.InfiniteTimeSpan }, new RecordingDepartures(), new RecordedRecordRequests(), CoreFixtures.Metrics(), TimeProvider.System, NullLogger<RoomRegistry>.Instance);

    private static async Task<double> BytesPerMessageAsync(Func<Task> relayMeasured)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await relayMeasured();
        return (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)Measured;
    }

    // Reads the control messages a v2 member gets first (welcome, layers_wanted, ...) up to one of the given type.
    private static async Task ReadControlUntilAsync(WebSocket socket, byte[] buffer, string type)
    {
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
            if (result.MessageType != WebSocketMessageType.Text || !result.EndOfMessage)
            {
                throw new InvalidOperationException($"expected a whole control message, got {result.MessageType} of {result.Count} bytes");
            }

            using var message = JsonDocument.Parse(buffer.AsMemory(0, result.Count));
            if (message.RootElement.GetProperty("type").GetString() == type)
            {
                return;
            }
        }
    }
}
