using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Endpoints;
using AvatarStream.RoomRouter.Recordings;
using AvatarStream.RoomRouter.Tests.Fakes;
using AvatarStream.ServiceDefaults.Tickets;
using Microsoft.Extensions.Time.Testing;

namespace AvatarStream.RoomRouter.Tests;

// Recording a room through the router: who may start and stop, the recorder's hidden seat and ticket, the links.
public sealed class RecordingTests
{
    private static async Task<(RoomTicket Host, RoomTicket Guest)> RoomOfTwoAsync(RouterApplication app, HttpClient client)
    {
        var host = await client.PostAsync("/create-room", null).ReadTicketAsync();
        var guest = await client.PostAsJsonAsync("/join-room", new { room_id = host.RoomId, key = host.JoinKey }).ReadTicketAsync();
        return (host, guest);
    }

    private static async Task<RecordRoomResponse> RecordAsync(RouterApplication app, RoomTicket member, bool on, string? email = null)
    {
        using var client = app.CreateInternalClient();
        using var response = await client.PostAsJsonAsync(InternalRoutes.RecordRoom, new RecordRoomRequest(member.RoomId, member.ClientId, on, email), ContractJson.Options);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<RecordRoomResponse>(ContractJson.Options))!;
    }

    private static async Task FinishAsync(RouterApplication app, StartRecordingRequest started, string state, string? fileName = null, long size = 0)
    {
        using var client = app.CreateInternalClient();
        using var response = await client.PostAsJsonAsync(
            InternalRoutes.RecordingFinished, new RecordingFinishedRequest(started.RecordingId, started.RoomId, state, fileName, size, 3.2), ContractJson.Options);
        response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task TheFirstRecord_SeatsAHiddenRecorderWithItsOwnTicket_AndAsksTheRecorder_WithoutTakingASeatOfTheRoom()
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var (host, guest) = await RoomOfTwoAsync(app, client);

        Assert.Equal(new RecordRoomResponse(true), await RecordAsync(app, guest, on: true));

        var started = Assert.Single(app.Recorder.Started);
        Assert.Equal((host.RoomId, host.StreamUrl), (started.RoomId, started.StreamUrl));
        Assert.Equal(22, started.RecordingId.Length);
        var seat = Assert.Single(app.Streams.Registered, r => r.Request.ClientId == started.ClientId).Request;
        Assert.Equal((RoomRoles.Recorder, 1L), (seat.Role, seat.Era));
        var ticket = TicketCodec.Read(started.Ticket, new TicketKeys(FixedTicketKeySource.TestKey)).Ticket!;
        Assert.Equal((host.RoomId, RoomRoles.Recorder, "stream-1", SeatIdentity.Of(started.ClientId)), (ticket.RoomId, ticket.Role, ticket.InstanceId, ticket.Identity));
        Assert.Equal(2, (await app.Actors.Get(host.RoomId).GetAsync()).Room?.ClientCount);
    }

    [Fact]
    public async Task LaterRecords_AddRecipients_AGuestCannotStop_AHostStops()
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var (host, guest) = await RoomOfTwoAsync(app, client);
        await RecordAsync(app, guest, on: true);

        Assert.Equal(new RecordRoomResponse(true), await RecordAsync(app, host, on: true));
        Assert.Single(app.Recorder.Started);
        var refused = await RecordAsync(app, guest, on: false);
        Assert.Equal((true, ErrorCodes.NotHost), (refused.Recording, refused.Error));
        Assert.Empty(app.Recorder.Stopped);

        Assert.Equal(new RecordRoomResponse(false), await RecordAsync(app, host, on: false));
        Assert.Equal(app.Recorder.Started.Single().RecordingId, Assert.Single(app.Recorder.Stopped));
        Assert.Equal(new RecordRoomResponse(false), await RecordAsync(app, host, on: false));
    }

    [Fact]
    public async Task ABusyRecorder_IsRecordingUnavailable_AndALaterRequestStartsAgain()
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var (host, _) = await RoomOfTwoAsync(app, client);
        app.Recorder.Answer = RecorderAnswer.Busy;

        var refused = await RecordAsync(app, host, on: true);

        Assert.Equal((false, ErrorCodes.RecordingUnavailable), (refused.Recording, refused.Error));
        app.Recorder.Answer = RecorderAnswer.Started;
        Assert.Equal(new RecordRoomResponse(true), await RecordAsync(app, host, on: true));
    }

    [Fact]
    public async Task AKnockerOrAStranger_CannotRecord()
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var host = await client.PostAsync("/create-room", null).ReadTicketAsync();
        var knocker = await client.PostAsJsonAsync("/join-room", new { room_id = host.RoomId }).ReadTicketAsync();

        Assert.Equal(ErrorCodes.NotAllowed, (await RecordAsync(app, knocker, on: true)).Error);
        Assert.Equal(ErrorCodes.NotAllowed, (await RecordAsync(app, host with { ClientId = Guid.NewGuid().ToString() }, on: true)).Error);
        Assert.Empty(app.Recorder.Started);
    }

    [Fact]
    public async Task AReadyRecording_IsSentToItsRecipients_WithASignedLink_ThatServesThePageAndTheFileWithRanges()
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var (host, guest) = await RoomOfTwoAsync(app, client);
        await RecordAsync(app, guest, on: true);
        var started = app.Recorder.Started.Single();
        app.Recorder.Files["r.webm"] = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();

        await FinishAsync(app, started, RecordingStates.Ready, "r.webm", 100);

        var (instance, notify) = Assert.Single(app.Streams.Notified);
        Assert.Equal(("stream-1", host.RoomId), (instance, notify.RoomId));
        Assert.Equal([guest.ClientId], notify.ClientIds);
        Assert.Equal("recording_ready", notify.Message.GetProperty("type").GetString());
        Assert.Equal(started.RecordingId, notify.Message.GetProperty("recording").GetString());
        var url = notify.Message.GetProperty("url").GetString()!;
        Assert.StartsWith($"/recordings/{started.RecordingId}?exp=", url, StringComparison.Ordinal);

        var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<video", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var fileUrl = url.Replace("?", "/file?", StringComparison.Ordinal);
        Assert.Equal(100, (await client.GetByteArrayAsync(fileUrl)).Length);
        using var ranged = new HttpRequestMessage(HttpMethod.Get, fileUrl);
        ranged.Headers.Range = new RangeHeaderValue(10, 19);
        var part = await client.SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(Enumerable.Range(10, 10).Select(i => (byte)i), await part.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ATamperedOrExpiredLink_IsRefused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new RouterApplication(("Recording:LinkLifetime", "1.00:00:00")) { Clock = clock };
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var (host, _) = await RoomOfTwoAsync(app, client);
        await RecordAsync(app, host, on: true);
        var started = app.Recorder.Started.Single();
        app.Recorder.Files["r.webm"] = [1, 2, 3];
        await FinishAsync(app, started, RecordingStates.Ready, "r.webm", 3);
        var url = app.Streams.Notified.Single().Request.Message.GetProperty("url").GetString()!;

        var tampered = url[..^2] + (url[^2] == 'A' ? "B" : "A") + url[^1];
        await ProblemAssert.IsProblemAsync(await client.GetAsync(tampered), HttpStatusCode.Forbidden, RouterProblemTypes.RecordingLinkInvalid);
        var otherRecording = url.Replace(started.RecordingId, "AAAAAAAAAAAAAAAAAAAAAA", StringComparison.Ordinal);
        await ProblemAssert.IsProblemAsync(await client.GetAsync(otherRecording), HttpStatusCode.Forbidden, RouterProblemTypes.RecordingLinkInvalid);
        await ProblemAssert.IsProblemAsync(await client.GetAsync($"/recordings/{started.RecordingId}"), HttpStatusCode.Forbidden, RouterProblemTypes.RecordingLinkInvalid);

        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        await ProblemAssert.IsProblemAsync(await client.GetAsync(url), HttpStatusCode.Gone, RouterProblemTypes.RecordingLinkExpired);
    }

    [Fact]
    public async Task ARecorderThatLeftAndKnowsNothing_FailsTheRecording_AndTheRoomCanRecordAgain()
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var (host, _) = await RoomOfTwoAsync(app, client);
        await RecordAsync(app, host, on: true);
        var started = app.Recorder.Started.Single();
        app.Recorder.States.Clear(); // it died
        using var internalClient = app.CreateInternalClient();

        (await internalClient.PostAsJsonAsync(InternalRoutes.RemoveClient, new RemoveClientRequest(host.RoomId, started.ClientId), ContractJson.Options)).EnsureSuccessStatusCode();

        var links = await client.PostAsJsonAsync("/recording-links", new { room_id = host.RoomId, client_id = host.ClientId });
        var listed = await links.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(RecordingStates.Failed, listed[0].GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, listed[0].GetProperty("url").ValueKind);
        Assert.Equal(new RecordRoomResponse(true), await RecordAsync(app, host, on: true));
        Assert.Equal(2, app.Recorder.Started.Count);
    }

    [Fact]
    public async Task RecordingLinks_AreForItsRecipientsOnly()
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var (host, guest) = await RoomOfTwoAsync(app, client);
        await RecordAsync(app, host, on: true);
        var started = app.Recorder.Started.Single();
        app.Recorder.Files["r.webm"] = [1, 2, 3];
        await FinishAsync(app, started, RecordingStates.Ready, "r.webm", 3);

        var mine = await (await client.PostAsJsonAsync("/recording-links", new { room_id = host.RoomId, client_id = host.ClientId })).Content.ReadFromJsonAsync<JsonElement>();
        var theirs = await (await client.PostAsJsonAsync("/recording-links", new { room_id = host.RoomId, client_id = guest.ClientId })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(started.RecordingId, mine[0].GetProperty("recording").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(mine[0].GetProperty("url").GetString())).StatusCode);
        Assert.Equal(0, theirs.GetArrayLength());
        await ProblemAssert.IsProblemAsync(
            await client.PostAsJsonAsync("/recording-links", new { room_id = host.RoomId }), HttpStatusCode.BadRequest, AvatarStream.ServiceDefaults.ProblemTypes.BadRequest);
    }

    [Fact]
    public async Task AnAddressGivenWithARequest_GetsTheLinkByMail_Absolute_AndOnlyOnce()
    {
        await using var app = new RouterApplication(("Recording:PublicUrl", "https://rooms.example"));
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var (host, guest) = await RoomOfTwoAsync(app, client);
        await RecordAsync(app, host, on: true, email: "hana@example.com");
        await RecordAsync(app, guest, on: true, email: "gus@example.com");
        await RecordAsync(app, guest, on: true, email: "gus@example.com");
        var started = app.Recorder.Started.Single();
        app.Recorder.Files["r.webm"] = [1, 2, 3];

        await FinishAsync(app, started, RecordingStates.Ready, "r.webm", 3);

        Assert.Equal(["gus@example.com", "hana@example.com"], app.Recorder.Mailed.Select(m => m.To).Order());
        var link = $"https://rooms.example/recordings/{started.RecordingId}?exp=";
        Assert.All(app.Recorder.Mailed, m => Assert.Contains(link, m.Body, StringComparison.Ordinal));
        using var internalClient = app.CreateInternalClient();
        var bad = await internalClient.PostAsJsonAsync(InternalRoutes.RecordRoom, new RecordRoomRequest(host.RoomId, host.ClientId, true, "not an address"), ContractJson.Options);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
