using System.Buffers.Binary;
using System.Net.WebSockets;
using AvatarStream.Contracts;
using AvatarStream.StreamService.Tests.Infrastructure;

namespace AvatarStream.StreamService.Tests.Service.V2;

public sealed class MediaTests
{
    [Fact(Timeout = 30_000)]
    public async Task MediaArrivesStampedWithTheSenderEvenWhenTheSenderForgesAHeader()
    {
        await using var app = new StreamServiceFactory();
        var (host, guest) = await TwoMembersAsync(app);

        // The payload starts with bytes that look like a server header naming member 2.
        byte[] forged = [1, 0, 0, 2, 42, 43];
        await host.SendMediaAsync(1, 0, forged);

        var frame = await guest.NextMediaAsync();
        Assert.Equal((byte)1, frame[0]);
        Assert.Equal((byte)0, frame[1]);
        Assert.Equal(1, BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(2)));
        Assert.Equal(forged, frame[4..]);
    }

    [Fact(Timeout = 30_000)]
    public async Task VideoOfAnotherLayerOrAnUnsubscribedPublisherNeverArrivesButAudioAlwaysDoes()
    {
        await using var app = new StreamServiceFactory();
        var (host, guest) = await TwoMembersAsync(app);
        await guest.SendJsonAsync("""{"type":"subscribe","feeds":[{"member":1,"layer":2}]}""");
        Assert.Equal([2], (await host.NextAsync("layers_wanted")).GetProperty("layers").EnumerateArray().Select(l => l.GetInt32()));

        await host.SendMediaAsync(1, 0, [10]);
        await host.SendMediaAsync(1, 2, [12]);
        await host.SendMediaAsync(2, 0, [20]);

        // Audio and video travel in separate queues (audio first under pressure): their order between them is not fixed.
        byte[][] arrived = [await guest.NextMediaAsync(), await guest.NextMediaAsync()];
        Assert.Equal(["1,2,0,1,12", "2,0,0,1,20"], arrived.Select(frame => string.Join(',', frame)).Order(StringComparer.Ordinal));

        await guest.SendJsonAsync("""{"type":"subscribe","feeds":[]}""");
        Assert.Empty((await host.NextAsync("layers_wanted")).GetProperty("layers").EnumerateArray());
        await host.SendMediaAsync(1, 0, [11]);
        await host.SendMediaAsync(3, 0, [30]);
        Assert.Equal([3, 0, 0, 1, 30], await guest.NextMediaAsync());
    }

    [Fact(Timeout = 30_000)]
    public async Task ABadMediaHeaderOrAnOversizedControlMessageIsRefusedAndTheSocketStays()
    {
        await using var app = new StreamServiceFactory();
        var (host, guest) = await TwoMembersAsync(app);

        await host.Socket.SendAsync([7]);
        Assert.Equal("bad_message", (await host.NextAsync("error")).GetProperty("code").GetString());
        await host.Socket.SendAsync([4, 0, 1]);
        Assert.Equal("bad_message", (await host.NextAsync("error")).GetProperty("code").GetString());
        await host.SendJsonAsync($$"""{"type":"data","data":"{{new string('x', 70_000)}}"}""");
        Assert.Equal("too_large", (await host.NextAsync("error")).GetProperty("code").GetString());

        await host.SendJsonAsync("""{"type":"ping","t":7}""");
        Assert.Equal(7, (await host.NextAsync("pong")).GetProperty("t").GetInt32());
        await host.SendJsonAsync("""{"type":"data","data":"hi"}""");
        var data = await guest.NextAsync("data");
        Assert.Equal((1, "hi"), (data.GetProperty("from").GetInt32(), data.GetProperty("data").GetString()));
        Assert.Equal(WebSocketState.Open, host.Raw.State);
    }

    [Fact(Timeout = 60_000)]
    public async Task ASlowReceiverLosesVideoButNeverControl()
    {
        await using var app = new StreamServiceFactory(("Stream:SendQueueCapacity", "4"), ("Stream:SendTimeout", "00:01:00"));
        var (host, slow) = await TwoMembersAsync(app);
        const int frames = 300;
        const int messages = 50;

        // The slow member reads nothing while 300 x 64 KiB of video and 50 data messages are sent: far more video
        // than its socket buffers and its 4-message media queue hold.
        var video = new byte[64 * 1024];
        for (var i = 0; i < frames; i++)
        {
            await host.SendMediaAsync(1, 0, video);
            if (i % (frames / messages) == 0)
            {
                await host.SendJsonAsync($$"""{"type":"data","data":{{i / (frames / messages)}}}""");
            }
        }

        var received = new List<int>();
        var videoReceived = 0;
        while (received.Count < messages)
        {
            var (type, payload) = await slow.Socket.ReceiveAsync();
            if (type == WebSocketMessageType.Binary)
            {
                videoReceived++;
            }
            else if (V2Socket.Text(payload).Contains("\"type\":\"data\"", StringComparison.Ordinal))
            {
                received.Add(System.Text.Json.JsonDocument.Parse(payload).RootElement.GetProperty("data").GetInt32());
            }
        }

        Assert.Equal(Enumerable.Range(0, messages), received);
        Assert.True(videoReceived < frames, $"{videoReceived} of {frames} video frames arrived; some should have been dropped");
        Assert.True(app.Metrics.DroppedOfKind(1) > 0, "video drops are counted as video");
        Assert.Equal(0, app.Metrics.DroppedOfKind(2));
    }

    private static async Task<(V2Socket Host, V2Socket Guest)> TwoMembersAsync(StreamServiceFactory app)
    {
        var host = await app.JoinV2Async("00157", RoomRoles.Host);
        await host.NextAsync("welcome");
        var guest = await app.JoinV2Async("00157");
        await guest.NextAsync("welcome");
        await guest.NextAsync("layers_wanted");
        await host.NextAsync("member_joined");
        await host.NextAsync("layers_wanted");
        return (host, guest);
    }
}
