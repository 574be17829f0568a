using System.Net.WebSockets;
using System.Text.Json;
using AvatarStream.Contracts;
using AvatarStream.StreamService.Tests.Infrastructure;
using AvatarStream.Testing.Fuzzing;
using CsCheck;
using Microsoft.Extensions.Time.Testing;

namespace AvatarStream.StreamService.Tests.Fuzz;

// Past the bad-message budget the socket is closed, by design: 20 surely bad frames of any kind are each answered
// with an error, and the 21st closes the socket with 1008 and nothing else. The clock stands still, so the budget
// does not refill while the frames are sent.
public sealed class V2BadMessageBudgetTests
{
    private const int Budget = 20;
    private const int Samples = 20;

    [Fact(Timeout = 120_000)]
    public async Task TheFrameAfterTheBudgetClosesWith1008()
    {
        await using var app = new StreamServiceFactory { Clock = new FakeTimeProvider(DateTimeOffset.UtcNow) };
        var room = 0;

        await FuzzCases.CheckAsync(
            V2Frames.Bad.Array[Budget + 1],
            Samples,
            async frames =>
            {
                var roomId = (++room).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
                var member = await app.JoinV2Async(roomId, RoomRoles.Host);
                await member.NextAsync("welcome");
                foreach (var frame in frames)
                {
                    await member.Socket.SendAsync(frame.Bytes, frame.Binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text);
                }

                var errors = 0;
                while (true)
                {
                    var (type, payload) = await member.Socket.ReceiveAsync();
                    if (type == WebSocketMessageType.Close)
                    {
                        break;
                    }

                    // Other messages (layers_wanted after the welcome) may come too; only errors are counted.
                    using var message = JsonDocument.Parse(payload);
                    if (message.RootElement.GetProperty("type").GetString() == "error")
                    {
                        Assert.Contains(message.RootElement.GetProperty("code").GetString(), new[] { ErrorCodes.BadMessage, ErrorCodes.TooLarge });
                        errors++;
                    }
                }

                Assert.Equal(WebSocketCloseStatus.PolicyViolation, member.Raw.CloseStatus);

                // The error about the last frame is queued just before the close, which may drop it.
                Assert.InRange(errors, Budget, Budget + 1);
                member.Socket.Dispose();
            },
            frames => string.Join("\n", frames.Select(f => f.ToString())));
    }
}
