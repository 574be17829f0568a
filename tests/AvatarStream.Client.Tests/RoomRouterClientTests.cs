using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AvatarStream.Contracts;

namespace AvatarStream.Client.Tests;

public sealed class RoomRouterClientTests
{
    private const string Ticket = """
        {"room_id":"00157","client_id":"6f1c0a52-1b7e-4a3c-9d3e-0c2b5a7e9f10","stream_url":"ws://stream-1.example/",
         "role":"host","protocols":["avatar-stream.v2","avatar-stream.v1"]}
        """;

    [Fact]
    public async Task Create_room_posts_the_options_in_snake_case_and_reads_the_ticket()
    {
        var handler = new StubHandler(HttpStatusCode.OK, Ticket);
        var client = Client(handler);

        var ticket = await client.CreateRoomAsync(name: "Bo", lobby: true, joinWindowSeconds: 600, maxClients: 8);

        Assert.Equal("/create-room", handler.Request!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpMethod.Post, handler.Request.Method);
        AssertJson("""{"name":"Bo","lobby":true,"join_window_seconds":600,"max_clients":8}""", handler.Body!);
        Assert.Equal("00157", ticket.RoomId);
        Assert.Equal("6f1c0a52-1b7e-4a3c-9d3e-0c2b5a7e9f10", ticket.ClientId);
        Assert.Equal("ws://stream-1.example/", ticket.StreamUrl);
        Assert.Equal(RoomRoles.Host, ticket.Role);
        Assert.Equal(StreamProtocol.Offered, ticket.Protocols);
    }

    [Fact]
    public async Task Create_room_without_options_posts_an_empty_object()
    {
        var handler = new StubHandler(HttpStatusCode.OK, Ticket);

        await Client(handler).CreateRoomAsync();

        AssertJson("{}", handler.Body!);
    }

    [Fact]
    public async Task Join_room_posts_the_room_the_name_and_the_held_client_id()
    {
        var handler = new StubHandler(HttpStatusCode.OK, Ticket);

        await Client(handler).JoinRoomAsync("00157", name: "Ada", heldClientId: "6f1c0a52-1b7e-4a3c-9d3e-0c2b5a7e9f10");

        Assert.Equal("/join-room", handler.Request!.RequestUri!.AbsolutePath);
        AssertJson("""{"room_id":"00157","client_id":"6f1c0a52-1b7e-4a3c-9d3e-0c2b5a7e9f10","name":"Ada"}""", handler.Body!);
    }

    [Fact]
    public async Task Rejoin_joins_again_with_the_client_id_of_the_ticket_held()
    {
        var handler = new StubHandler(HttpStatusCode.OK, Ticket);
        var held = new RoomTicket("00042", "c-held", "ws://old/", RoomRoles.Guest, StreamProtocol.Offered, "spent-ticket");

        await Client(handler).Rejoin()(held, CancellationToken.None);

        AssertJson("""{"room_id":"00042","client_id":"c-held"}""", handler.Body!);
    }

    [Fact]
    public async Task Rejoin_shows_the_rooms_key_when_known_so_a_freed_seat_comes_back_as_a_members()
    {
        var handler = new StubHandler(HttpStatusCode.OK, Ticket);
        var held = new RoomTicket("00042", "c-held", "ws://old/", RoomRoles.Guest, StreamProtocol.Offered, "spent-ticket");

        await Client(handler).Rejoin(key: "the-key")(held, CancellationToken.None);

        AssertJson("""{"room_id":"00042","client_id":"c-held","key":"the-key"}""", handler.Body!);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, "https://avatarstream.dev/problems/join-window-closed", "join-window-closed")]
    [InlineData(HttpStatusCode.Forbidden, "https://avatarstream.dev/problems/barred", "barred")]
    [InlineData(HttpStatusCode.Gone, "https://avatarstream.dev/problems/room-ended", "room-ended")]
    [InlineData(HttpStatusCode.TooManyRequests, "https://avatarstream.dev/problems/room-full", "room-full")]
    [InlineData(HttpStatusCode.NotFound, "https://avatarstream.dev/problems/room-not-found/", "room-not-found")]
    public async Task Problem_answer_throws_with_status_and_the_last_segment_of_its_type(HttpStatusCode status, string type, string expected)
    {
        var handler = new StubHandler(status, $$"""{"type":"{{type}}","title":"T","status":{{(int)status}},"detail":"Why."}""", "application/problem+json");

        var error = await Assert.ThrowsAsync<RoomRouterException>(() => Client(handler).JoinRoomAsync("00157"));

        Assert.Equal(status, error.Status);
        Assert.Equal(expected, error.ProblemType);
        Assert.Equal("Why.", error.Detail);
    }

    [Fact]
    public async Task Answer_that_is_no_problem_throws_with_the_status_alone()
    {
        var handler = new StubHandler(HttpStatusCode.BadGateway, "<html>bad gateway</html>", "text/html");

        var error = await Assert.ThrowsAsync<RoomRouterException>(() => Client(handler).CreateRoomAsync());

        Assert.Equal(HttpStatusCode.BadGateway, error.Status);
        Assert.Null(error.ProblemType);
        Assert.False(error.IsFinal);
    }

    [Fact]
    public async Task Retry_after_is_read()
    {
        var handler = new StubHandler(HttpStatusCode.TooManyRequests, """{"type":"https://avatarstream.dev/problems/room-full"}""", "application/problem+json")
        {
            RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(5)),
        };

        var error = await Assert.ThrowsAsync<RoomRouterException>(() => Client(handler).JoinRoomAsync("00157"));

        Assert.Equal(TimeSpan.FromSeconds(5), error.RetryAfter);
    }

    private static RoomRouterClient Client(StubHandler handler) =>
        new(new HttpClient(handler) { BaseAddress = new Uri("http://router.example/") });

    private static void AssertJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"expected {expected}\n     got {actual}");

    private sealed class StubHandler(HttpStatusCode status, string body, string mediaType = "application/json") : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }

        public string? Body { get; private set; }

        public RetryConditionHeaderValue? RetryAfter { get; init; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
            response.Headers.RetryAfter = RetryAfter;
            return response;
        }
    }
}
