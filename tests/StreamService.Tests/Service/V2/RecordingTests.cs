using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults;
using AvatarStream.StreamService.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AvatarStream.StreamService.Tests.Service.V2;

// Recording over real sockets: the hidden recorder seat, record passed on to the room router, and /notify.
public sealed class RecordingTests
{
    private const string RoomId = "00157";

    [Fact(Timeout = 30_000)]
    public async Task TheRecorderReceivesTheRoomItsMediaIsDroppedAndEveryoneSeesTheRecording()
    {
        await using var app = new StreamServiceFactory();
        var host = await app.JoinV2Async(RoomId, RoomRoles.Host);
        var hostNumber = Number(await host.NextAsync("welcome"));
        var guest = await app.JoinV2Async(RoomId);
        var guestNumber = Number(await guest.NextAsync("welcome"));

        var recorder = await app.JoinV2Async(RoomId, RoomRoles.Recorder);
        var welcome = await recorder.NextAsync("welcome");
        Assert.Equal([hostNumber, guestNumber], JsonAssert.Numbers(welcome.GetProperty("members")));
        foreach (var member in new[] { host, guest, recorder })
        {
            var updated = await member.NextAsync("room_updated");
            Assert.True(updated.GetProperty("recording").GetBoolean());
            Assert.False(updated.GetProperty("locked").GetBoolean());
        }

        // The recorder's frame, if relayed, would be queued before its pong, so before the guest's frame.
        await recorder.SendMediaAsync(2, 0, [0xEE]);
        await recorder.SendJsonAsync("""{"type":"ping","t":1}""");
        await recorder.NextAsync("pong");
        await guest.SendMediaAsync(2, 0, [0x01]);
        Assert.Equal(guestNumber, Sender(await host.NextMediaAsync()));

        await host.SendMediaAsync(2, 0, [0x02]);
        Assert.Equal(guestNumber, Sender(await recorder.NextMediaAsync()));
        Assert.Equal(hostNumber, Sender(await recorder.NextMediaAsync()));

        await recorder.SendJsonAsync("""{"type":"lock","id":"l"}""");
        var refused = await recorder.NextAsync("error");
        JsonAssert.Error(refused, ErrorCodes.NotAllowed);

        await recorder.Socket.CloseAsync();
        foreach (var member in new[] { host, guest })
        {
            Assert.False((await member.NextAsync("room_updated")).GetProperty("recording").GetBoolean());
        }

        Assert.Equal(recorder.Socket.ClientId, (await app.Router.NextRemovalAsync(TestSocket.DefaultTimeout)).ClientId);
    }

    [Fact(Timeout = 30_000)]
    public async Task TheLastPersonLeavingClosesTheRecorderAndBothSeatsAreFreed()
    {
        await using var app = new StreamServiceFactory();
        var host = await app.JoinV2Async(RoomId, RoomRoles.Host);
        await host.NextAsync("welcome");
        var recorder = await app.JoinV2Async(RoomId, RoomRoles.Recorder);
        await recorder.NextAsync("welcome");

        await host.Socket.CloseAsync();

        Assert.Equal("empty", (await recorder.NextAsync("room_ended")).GetProperty("reason").GetString());
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, await recorder.ReceiveCloseAsync());
        var removed = new[]
        {
            (await app.Router.NextRemovalAsync(TestSocket.DefaultTimeout)).ClientId,
            (await app.Router.NextRemovalAsync(TestSocket.DefaultTimeout)).ClientId,
        };
        Assert.Equal(new[] { host.Socket.ClientId, recorder.Socket.ClientId }.Order(), removed.Order());
        Assert.Equal(0, app.Registry.RoomCount);
    }

    [Fact(Timeout = 30_000)]
    public async Task RecordReachesTheRouterAndItsRefusalReachesOnlyTheMemberWhoAsked()
    {
        await using var app = new StreamServiceFactory();
        app.Router.RecordRoomAnswer = _ => new RecordRoomResponse(false, ErrorCodes.NotHost, "only a host may stop the recording");
        var host = await app.JoinV2Async(RoomId, RoomRoles.Host);
        await host.NextAsync("welcome");
        var guest = await app.JoinV2Async(RoomId);
        await guest.NextAsync("welcome");

        await guest.SendJsonAsync("""{"type":"record","on":false,"id":"r-9"}""");

        Assert.Equal(new RecordRoomRequest(RoomId, guest.Socket.ClientId, false), await app.Router.NextRecordRequestAsync(TestSocket.DefaultTimeout));
        var error = await guest.NextAsync("error");
        JsonAssert.Error(error, ErrorCodes.NotHost);
        Assert.Equal("only a host may stop the recording", error.GetProperty("message").GetString());
        Assert.Equal("r-9", error.GetProperty("id").GetString());
        await AssertNothingBeforePongAsync(host, "error");
    }

    [Fact(Timeout = 30_000)]
    public async Task AnEmailGivenWithRecordReachesTheRouter_AndABadOneIsABadMessage()
    {
        await using var app = new StreamServiceFactory();
        var host = await app.JoinV2Async(RoomId, RoomRoles.Host);
        await host.NextAsync("welcome");

        await host.SendJsonAsync("""{"type":"record","on":true,"email":"hana@example.com"}""");
        Assert.Equal(new RecordRoomRequest(RoomId, host.Socket.ClientId, true, "hana@example.com"), await app.Router.NextRecordRequestAsync(TestSocket.DefaultTimeout));

        await host.SendJsonAsync("""{"type":"record","on":true,"email":"not an address","id":7}""");
        JsonAssert.Error(await host.NextAsync("error"), ErrorCodes.BadMessage);
    }

    [Fact]
    public async Task ARouterThatCannotBeReachedIsRetriedThenRecordingIsUnavailable()
    {
        await using var app = new StreamServiceFactory();
        app.Router.RecordRoomAnswer = _ => throw new HttpRequestException("room-router is down");
        var guest = await app.JoinV2Async(RoomId);
        await guest.NextAsync("welcome");

        await guest.SendJsonAsync("""{"type":"record","on":true,"id":5}""");

        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.True((await app.Router.NextRecordRequestAsync(TestSocket.DefaultTimeout)).On);
        }

        var error = await guest.NextAsync("error");
        JsonAssert.Error(error, ErrorCodes.RecordingUnavailable);
        Assert.Equal(5, error.GetProperty("id").GetInt32());
    }

    [Fact(Timeout = 30_000)]
    public async Task NotifyReachesOnlyTheListedMembersThatAreConnected()
    {
        await using var app = new StreamServiceFactory();
        var host = await app.JoinV2Async(RoomId, RoomRoles.Host);
        await host.NextAsync("welcome");
        var guest = await app.JoinV2Async(RoomId);
        await guest.NextAsync("welcome");
        var seatedOnly = ClientIds.New();
        await app.RegisterAsync(new RegisterRequest(RoomId, seatedOnly));
        var ready = JsonAssert.Parse("""{"type":"recording_ready","recording":"r-1","url":"https://files.example/r-1","expires_at":"2026-03-08T12:00:00Z"}""");

        using var response = await app.PostInternalAsync(
            InternalRoutes.Notify, new NotifyRequest(RoomId, [host.Socket.ClientId, seatedOnly, ClientIds.New()], ready));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new NotifyReport(1), await response.Content.ReadFromJsonAsync<NotifyReport>(ContractJson.Options));
        JsonAssert.Equal(ready.GetRawText(), await host.NextAsync("recording_ready"));
        await AssertNothingBeforePongAsync(guest, "recording_ready");
    }

    [Fact(Timeout = 30_000)]
    public async Task NotifyForARoomNotHereDeliversNothing()
    {
        await using var app = new StreamServiceFactory();

        using var response = await app.PostInternalAsync(
            InternalRoutes.Notify, new NotifyRequest("00999", [ClientIds.New()], JsonAssert.Parse("""{"type":"recording_ready"}""")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new NotifyReport(0), await response.Content.ReadFromJsonAsync<NotifyReport>(ContractJson.Options));
    }

    public static TheoryData<string> BadNotifyBodies => new()
    {
        "not json",
        "",
        "[]",
        Body(RoomId, Ids(ClientIds.Fixed), null),
        Body(RoomId, Ids(ClientIds.Fixed), "\"hi\""),
        Body(RoomId, Ids(ClientIds.Fixed), """{"text":"no type"}"""),
        Body(RoomId, Ids(ClientIds.Fixed), """{"type":7}"""),
        Body(RoomId, Ids("c-1"), """{"type":"x"}"""),
        Body(RoomId, "[null]", """{"type":"x"}"""),
        Body(RoomId, null, """{"type":"x"}"""),
        Body("room-1", Ids(ClientIds.Fixed), """{"type":"x"}"""),
        Body(RoomId, Ids([.. Enumerable.Repeat(ClientIds.Fixed, 10_001)]), """{"type":"x"}"""),
        Body(RoomId, Ids(ClientIds.Fixed), $$"""{"type":"x","pad":"{{new string('a', 64 * 1024)}}"}"""),
    };

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(BadNotifyBodies))]
    public async Task ABadNotifyBodyIs400ProblemDetails(string body)
    {
        await using var app = new StreamServiceFactory();
        using var http = app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, InternalRoutes.Notify) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", FakeTokenSource.Token);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemTypes.BadRequest, (await response.Content.ReadFromJsonAsync<ProblemDetails>())?.Type);
    }

    // A ping's pong queues behind whatever the member was already sent: a message of that type that had been sent
    // would come first.
    private static async Task AssertNothingBeforePongAsync(V2Socket member, string type)
    {
        await member.SendJsonAsync("""{"type":"ping","t":0}""");
        JsonElement message;
        while ((message = await member.NextAsync()).GetProperty("type").GetString() != "pong")
        {
            Assert.NotEqual(type, message.GetProperty("type").GetString());
        }
    }

    private static string Ids(params string[] clientIds) => JsonSerializer.Serialize(clientIds);

    private static string Body(string roomId, string? clientIds, string? message)
    {
        var fields = new List<string> { $"\"room_id\":\"{roomId}\"" };
        if (clientIds is not null)
        {
            fields.Add($"\"client_ids\":{clientIds}");
        }

        if (message is not null)
        {
            fields.Add($"\"message\":{message}");
        }

        return "{" + string.Join(",", fields) + "}";
    }

    private static int Number(JsonElement welcome) => welcome.GetProperty("you").GetProperty("member").GetInt32();

    private static int Sender(byte[] frame) => (frame[2] << 8) | frame[3];
}
