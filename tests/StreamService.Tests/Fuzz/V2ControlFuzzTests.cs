using System.Text;
using System.Text.Json;
using AvatarStream.Contracts;
using AvatarStream.StreamService.Tests.Infrastructure;
using AvatarStream.Testing.Fuzzing;
using CsCheck;
using Xunit.Abstractions;

namespace AvatarStream.StreamService.Tests.Fuzz;

// A host connected over v2 sends batches of generated and mutated frames. After each frame a ping shows the socket
// still open; what came back before the pong is only errors with documented codes, and at least one for a frame that
// is surely bad. After each batch a second member still gets the host's data and media. The bad-message and rate
// budgets are raised out of reach: here the socket must stay for any one frame, not for twenty.
public sealed class V2ControlFuzzTests(ITestOutputHelper output)
{
    private const int Batches = 80;

    private static readonly string[] DocumentedCodes =
        [ErrorCodes.BadMessage, ErrorCodes.TooLarge, ErrorCodes.NotHost, ErrorCodes.UnknownMember, ErrorCodes.TooManyFeeds, ErrorCodes.NotAllowed];

    [Fact(Timeout = 120_000)]
    public async Task NoOneBadFrameClosesTheSocket_AndTheRoomKeepsServing()
    {
        await using var app = new StreamServiceFactory(
            ("Stream:BadMessagesPerMinute", "10000"), ("Stream:ControlMessageBurst", "100000"), ("Stream:ControlMessagesPerSecond", "10000"));
        var room = 0;
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);

        await FuzzCases.CheckAsync(
            V2Frames.Any.Array[4, 10],
            Batches,
            async frames =>
            {
                var roomId = (++room).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
                var host = await app.JoinV2Async(roomId, RoomRoles.Host);
                await host.NextAsync("welcome");
                var guest = await app.JoinV2Async(roomId);
                await guest.NextAsync("welcome");
                for (var i = 0; i < frames.Length; i++)
                {
                    await SendAsync(host, frames[i]);
                    var errors = await ErrorsUntilPongAsync(host, i);
                    Assert.All(errors, code => Assert.Contains(code, DocumentedCodes));
                    Assert.True(!frames[i].SurelyBad || errors.Count > 0, $"no error for {frames[i]}");
                    foreach (var key in errors.Prepend(frames[i].Binary ? "binary frames" : "text frames"))
                    {
                        counts[key] = counts.GetValueOrDefault(key) + 1;
                    }
                }

                await AssertStillRelaysAsync(host, guest, roomId);
                host.Socket.Dispose();
                guest.Socket.Dispose();
            },
            frames => string.Join("\n", frames.Select(f => f.ToString())));
        output.WriteLine(string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value}")));
    }

    private static Task SendAsync(V2Socket socket, V2Frame frame) =>
        socket.Socket.SendAsync(frame.Bytes, frame.Binary ? System.Net.WebSockets.WebSocketMessageType.Binary : System.Net.WebSockets.WebSocketMessageType.Text);

    // The codes of the errors that arrive before the pong of this ping; a close on the way fails the test.
    private static async Task<List<string>> ErrorsUntilPongAsync(V2Socket socket, int t)
    {
        await socket.SendJsonAsync($$"""{"type":"ping","t":"probe-{{t}}"}""");
        var codes = new List<string>();
        while (true)
        {
            var message = await socket.NextAsync();
            switch (message.GetProperty("type").GetString())
            {
                // A fuzzed ping may be answered too, with any t or none.
                case "pong" when message.TryGetProperty("t", out var echo) && echo.ValueKind == JsonValueKind.String && echo.GetString() == $"probe-{t}":
                    return codes;
                case "error":
                    codes.Add(message.GetProperty("code").GetString()!);
                    break;
            }
        }
    }

    private static async Task AssertStillRelaysAsync(V2Socket host, V2Socket guest, string roomId)
    {
        await host.SendJsonAsync($$"""{"type":"data","data":"after the batch in {{roomId}}"}""");
        while (!((await guest.NextAsync("data")).GetProperty("data") is { ValueKind: JsonValueKind.String } data && data.GetString() == $"after the batch in {roomId}"))
        {
        }

        byte[] marker = [.. Encoding.UTF8.GetBytes("marker " + roomId)];
        await host.SendMediaAsync(2, 0, marker);
        while (!(await guest.NextMediaAsync()).AsSpan(4).SequenceEqual(marker))
        {
        }
    }
}
