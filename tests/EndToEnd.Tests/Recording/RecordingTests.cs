using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AvatarStream.Client;
using AvatarStream.Client.Messages;
using AvatarStream.Contracts;
using AvatarStream.EndToEnd.Tests.ProtocolV2;
using AvatarStream.Recorder.Core;
using SixLabors.ImageSharp.PixelFormats;
using Xunit.Abstractions;

namespace AvatarStream.EndToEnd.Tests.Recording;

// Recording a room in the local run with every app as its own process: three members on the client library send JPEG
// frames and Opus packets; two of them ask for the recording; a host stops it; both get a signed link to a WebM (VP8,
// Opus) that shows the three members as a grid; the recorder is in no member list; a recorder killed mid-way fails its
// recording.
public sealed class RecordingTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Recorded = TimeSpan.FromSeconds(4);

    private static readonly Rgb24[] Colours = [new(220, 40, 40), new(40, 200, 40), new(40, 40, 220)];

    [Fact]
    public async Task ARecordedRoom_GivesItsRecipientsAPlayableGridWebM_AndAKilledRecorderFailsItsRecording()
    {
        await LocalRun.PlayAsync(StartLimit, output, ScenarioAsync);
    }

    private async Task ScenarioAsync(LocalRun run)
    {
        var router = new RoomRouterClient(run.Http);
        var created = await router.CreateRoomAsync(name: "Hana");
        await using var host = await TestMember.ConnectAsync(created);
        var hostNumber = (await host.NextAsync<Welcome>()).You.Member;
        await using var amy = await TestMember.ConnectAsync(await router.JoinRoomAsync(created.RoomId, "Amy", key: created.JoinKey));
        var amyNumber = (await amy.NextAsync<Welcome>()).You.Member;
        await using var bo = await TestMember.ConnectAsync(await router.JoinRoomAsync(created.RoomId, "Bo", key: created.JoinKey));
        var boWelcome = await bo.NextAsync<Welcome>();
        Assert.Equal(3, boWelcome.Members.Count);
        TestMember[] members = [host, amy, bo];
        var colourOf = new Dictionary<int, Rgb24> { [hostNumber] = Colours[0], [amyNumber] = Colours[1], [boWelcome.You.Member] = Colours[2] };
        var senders = members.Select((m, i) => new MediaSender(m.Connection, Colours[i], 300 + (200 * i))).ToList();
        try
        {
            // 1. Host and Amy ask; everyone is told; a host stops it; both get the link.
            await host.SendAsync(new RecordRoom(true));
            await EveryoneSeesRecordingAsync(members, true);
            await amy.SendAsync(new RecordRoom(true, "amy@example.com"));
            await Task.Delay(Recorded);
            await host.SendAsync(new RecordRoom(false));
            await EveryoneSeesRecordingAsync(members, false);
            var clock = Stopwatch.StartNew();
            var ready = await RecordingReadyAsync(host);
            Assert.Equal(ready.Recording, (await RecordingReadyAsync(amy)).Recording);
            output.WriteLine($"recording {ready.Recording}: link {clock.ElapsedMilliseconds} ms after the stop");
            Assert.Empty(await LinksAsync(run, created.RoomId, bo.Ticket.ClientId));
            Assert.DoesNotContain(members.SelectMany(m => m.Seen).OfType<MemberJoined>(), j => j.Role == RoomRoles.Recorder || j.Name == "Recorder");

            await CheckFileAsync(run, ready.Url, colourOf);
            CheckMailed(ready.Recording, "amy@example.com");

            // 2. A recorder killed mid-way: the room stops recording and the recording is failed, not broken.
            await bo.SendAsync(new RecordRoom(true));
            await EveryoneSeesRecordingAsync(members, true);
            LocalRun.KillNine(run.PidOf("recorder"));
            output.WriteLine($"kill -9 recorder (pid {run.PidOf("recorder")})");
            await EveryoneSeesRecordingAsync(members, false);
            var failed = await Polling.WaitForAsync(async () =>
                (await LinksAsync(run, created.RoomId, bo.Ticket.ClientId)).FirstOrDefault() is { } link && link.GetProperty("state").GetString() == RecordingStates.Failed,
                TimeSpan.FromSeconds(30));
            Assert.True(failed, "the killed recorder's recording should be listed as failed");
        }
        finally
        {
            foreach (var sender in senders)
            {
                await sender.DisposeAsync();
            }
        }
    }

    private async Task CheckFileAsync(LocalRun run, string url, IReadOnlyDictionary<int, Rgb24> colourOf)
    {
        var page = await run.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<video", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var fileUrl = url.Replace("?", "/file?", StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"recording-{Guid.NewGuid():N}.webm");
        try
        {
            await File.WriteAllBytesAsync(file, await run.Http.GetByteArrayAsync(fileUrl));
            var probe = await MediaProbe.ProbeAsync(file);
            output.WriteLine($"ffprobe: {probe.Format}, {string.Join(", ", probe.Streams)}, {probe.Duration:0.00} s (recorded about {Recorded.TotalSeconds:0} s)");
            Assert.Contains("webm", probe.Format, StringComparison.Ordinal);
            Assert.Equal([("audio", "opus"), ("video", "vp8")], probe.Streams.Order());
            Assert.InRange(probe.Duration, Recorded.TotalSeconds - 1, Recorded.TotalSeconds + 4);

            // The middle frame shows each member's colour in its cell (ordered by member number).
            using var frame = await MediaProbe.FrameAtAsync(file, probe.Duration / 2);
            var cells = GridLayout.Cells(colourOf.Count, frame.Width, frame.Height);
            var numbers = colourOf.Keys.Order().ToList();
            for (var i = 0; i < numbers.Count; i++)
            {
                var seen = frame[cells[i].X + (cells[i].Width / 2), cells[i].Y + (cells[i].Height / 2)];
                var expected = colourOf[numbers[i]];
                Assert.True(
                    Math.Abs(seen.R - expected.R) < 50 && Math.Abs(seen.G - expected.G) < 50 && Math.Abs(seen.B - expected.B) < 50,
                    $"cell {i} (member {numbers[i]}) shows {seen}, expected about {expected}");
            }

            using var ranged = new HttpRequestMessage(HttpMethod.Get, fileUrl);
            ranged.Headers.Range = new RangeHeaderValue(0, 99);
            var part = await run.Http.SendAsync(ranged);
            Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
            Assert.Equal(100, (await part.Content.ReadAsByteArrayAsync()).Length);
            var tampered = url.Replace("sig=", "sig=x", StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await run.Http.GetAsync(tampered)).StatusCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    // The development sidecar's mail binding wrote the link into the outbox (components/mail.yaml) for the address Amy gave.
    private void CheckMailed(string recordingId, string address)
    {
        var outbox = Path.Combine(LocalRun.Root, ".data", "outbox");
        var mail = Directory.Exists(outbox)
            ? Directory.EnumerateFiles(outbox, "*.eml").Select(File.ReadAllText).FirstOrDefault(text => text.Contains(address, StringComparison.Ordinal) && Decoded(text).Contains(recordingId, StringComparison.Ordinal))
            : null;
        Assert.True(mail is not null, $"no mail to {address} with recording {recordingId} in {outbox}");
        output.WriteLine($"mailed to {address}: {Path.GetFileName(outbox)}");
    }

    // The .eml body is base64; the link is in it.
    private static string Decoded(string eml)
    {
        var body = eml[(eml.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..].Replace("\r\n", string.Empty, StringComparison.Ordinal);
        try
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(body.Trim()));
        }
        catch (FormatException)
        {
            return eml;
        }
    }

    private static async Task EveryoneSeesRecordingAsync(IEnumerable<TestMember> members, bool recording)
    {
        foreach (var member in members)
        {
            RoomUpdated updated;
            do
            {
                updated = await member.NextAsync<RoomUpdated>();
            }
            while (updated.Recording != recording);
        }
    }

    // The recording_ready of the member's last recording; encoding takes a while on a busy machine.
    private static async Task<RecordingReady> RecordingReadyAsync(TestMember member)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await member.NextAsync<RecordingReady>();
            }
            catch (TimeoutException) when (attempt < 5)
            {
            }
        }
    }

    private static async Task<List<JsonElement>> LinksAsync(LocalRun run, string roomId, string clientId)
    {
        using var response = await run.Http.PostAsJsonAsync("/recording-links", new { room_id = roomId, client_id = clientId });
        response.EnsureSuccessStatusCode();
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }
}
