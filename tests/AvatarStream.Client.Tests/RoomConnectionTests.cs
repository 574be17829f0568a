using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using AvatarStream.Client.Messages;
using AvatarStream.Client.Tests.Fakes;
using AvatarStream.Contracts;
using Microsoft.Extensions.Time.Testing;

namespace AvatarStream.Client.Tests;

// The connection against a fake v2 instance. Reconnect waits go through a recording hook that returns at once (or
// waits for the test), so nothing here depends on how fast the machine is.
public sealed class RoomConnectionTests
{
    private const string ClientId = "6f1c0a52-1b7e-4a3c-9d3e-0c2b5a7e9f10";

    private readonly List<TimeSpan> _delays = [];

    [Fact]
    public async Task Handshake_offers_v2_and_the_ticket_and_welcome_makes_the_connection_live()
    {
        await using var server = await FakeStreamServer.StartAsync();
        var ticket = server.Ticket(ClientId);
        await using var connection = await RoomConnection.ConnectAsync(ticket, Options());
        var socket = await server.AcceptAsync();

        Assert.Equal(ConnectionState.Connecting, connection.State);
        Assert.Equal(StreamProtocol.V2, server.Attempts[0].Protocols[0]);
        Assert.StartsWith(StreamProtocol.AuthPrefix, server.Attempts[0].Protocols[1], StringComparison.Ordinal);
        Assert.Equal(new StreamCredentials(ticket.Ticket), socket.Credentials);

        await socket.SendAsync(Script.Welcome(seq: 3));

        Assert.Equal(new ConnectionStateChange(ConnectionState.Connecting, ConnectionState.Live), await NextStateAsync(connection));
        Assert.Equal(2, (await NextMessageAsync<Welcome>(connection)).You.Member);
        Assert.Equal(ConnectionState.Live, connection.State);
        Assert.Equal(2, connection.LastWelcome!.You.Member);
        Assert.Equal(new ResumeToken("s-1", "k-1", 3), connection.ResumeToken);
    }

    [Fact]
    public async Task Events_advance_last_seq_and_data_does_not()
    {
        await using var server = await FakeStreamServer.StartAsync();
        await using var connection = await RoomConnection.ConnectAsync(server.Ticket(), Options());
        var socket = await LiveAsync(server, connection);

        await socket.SendAsync(Script.Joined(3, 1));
        await socket.SendAsync(new MemberUpdated(3, 2, Meta: Json("""{"muted":true}""")));
        await socket.SendAsync(new DataReceived(3, Json("\"hi\"")));

        Assert.Equal(1, (await NextMessageAsync<MemberJoined>(connection)).Seq);
        Assert.Equal(2, (await NextMessageAsync<MemberUpdated>(connection)).Seq);
        Assert.Equal("hi", (await NextMessageAsync<DataReceived>(connection)).Data.GetString());
        Assert.Equal(2, connection.LastSeq);
        Assert.Equal(new ResumeToken("s-1", "k-1", 2), connection.ResumeToken);
    }

    [Fact]
    public async Task Abrupt_drop_resumes_with_the_last_seq_and_delivers_missed_events_in_order()
    {
        await using var server = await FakeStreamServer.StartAsync();
        await using var connection = await RoomConnection.ConnectAsync(server.Ticket(ClientId), Options());
        var first = await LiveAsync(server, connection);
        await first.SendAsync(Script.Joined(3, 1));
        await first.SendAsync(Script.Joined(4, 2));
        await NextMessageAsync<MemberJoined>(connection);
        await NextMessageAsync<MemberJoined>(connection);

        first.Drop();

        var reconnecting = await NextStateAsync(connection);
        Assert.Equal(ConnectionState.Reconnecting, reconnecting.State);
        Assert.Equal(CloseKind.Dropped, reconnecting.Reason!.Kind);
        var second = await server.AcceptAsync();
        Assert.Equal(new StreamCredentials(null, "00157", new ResumeToken("s-1", "k-1", 2)), second.Credentials);

        await second.SendAsync(Script.Resumed(4, "k-2", new MemberUpdated(3, 3, State: MemberStates.Reconnecting), Script.Left(4, 4)));
        await second.SendAsync(Script.Joined(5, 5));

        var live = await NextStateAsync(connection);
        Assert.Equal((ConnectionState.Reconnecting, ConnectionState.Live, (bool?)true), (live.Previous, live.State, live.Recovered));
        Assert.Equal(4, (await NextMessageAsync<Resumed>(connection)).Seq);
        Assert.Equal(3, (await NextMessageAsync<MemberUpdated>(connection)).Seq);
        Assert.Equal(4, (await NextMessageAsync<MemberLeft>(connection)).Seq);
        Assert.Equal(5, (await NextMessageAsync<MemberJoined>(connection)).Seq);
        Assert.Equal(new ResumeToken("s-1", "k-2", 5), connection.ResumeToken);

        // The next resume presents the rotated secret.
        second.Drop();
        Assert.Equal(ConnectionState.Reconnecting, (await NextStateAsync(connection)).State);
        var third = await server.AcceptAsync();
        Assert.Equal(new ResumeToken("s-1", "k-2", 5), third.Credentials!.Resume);
        Assert.Equal(2, _delays.Count);
    }

    [Fact]
    public async Task Missed_events_already_seen_are_not_delivered_twice()
    {
        await using var server = await FakeStreamServer.StartAsync();
        await using var connection = await RoomConnection.ConnectAsync(server.Ticket(), Options());
        var first = await LiveAsync(server, connection);
        await first.SendAsync(Script.Joined(3, 1));
        await NextMessageAsync<MemberJoined>(connection);
        first.Drop();
        await NextStateAsync(connection);
        var second = await server.AcceptAsync();

        await second.SendAsync(Script.Resumed(2, "k-2", Script.Joined(3, 1), Script.Left(3, 2)));

        await NextMessageAsync<Resumed>(connection);
        Assert.Equal(2, (await NextMessageAsync<MemberLeft>(connection)).Seq);
    }

    [Fact]
    public async Task Fresh_welcome_after_a_reconnect_is_live_but_not_recovered()
    {
        await using var server = await FakeStreamServer.StartAsync();
        await using var connection = await RoomConnection.ConnectAsync(server.Ticket(), Options());
        var first = await LiveAsync(server, connection);
        first.Drop();
        await NextStateAsync(connection);
        var second = await server.AcceptAsync();

        await second.SendAsync(Script.Welcome(seq: 9, session: "s-2", secret: "k-9"));

        var live = await NextStateAsync(connection);
        Assert.Equal((ConnectionState.Live, (bool?)false), (live.State, live.Recovered));
        Assert.Equal("s-2", (await NextMessageAsync<Welcome>(connection)).Session);
        Assert.Equal(new ResumeToken("s-2", "k-9", 9), connection.ResumeToken);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(1009)]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4003)]
    [InlineData(4004)]
    [InlineData(4005)]
    public async Task Final_close_code_closes_without_reconnecting(int code)
    {
        await using var server = await FakeStreamServer.StartAsync();
        await using var connection = await RoomConnection.ConnectAsync(server.Ticket(), Options());
        var socket = await LiveAsync(server, connection);

        await socket.CloseAsync((WebSocketCloseStatus)code, "because");

        var closed = await connection.Completion.Within();
        Assert.Equal(CloseKind.ClosedByServer, closed.Kind);
        Assert.Equal((WebSocketCloseStatus)code, closed.CloseStatus);
        Assert.Equal("because", closed.Description);
        var change = await NextStateAsync(connection);
        Assert.Equal((ConnectionState.Live, ConnectionState.Closed), (change.Previous, change.State));
        Assert.Same(closed, change.Reason);
        Assert.False(await connection.StateChanges.WaitToReadAsync().Within());
        Assert.Single(server.Attempts);
        Assert.Empty(_delays);
    }

    [Fact]
    public async Task Room_end_delivers_room_ended_before_the_close()
    {
        await using var server = await FakeStreamServer.StartAsync();
        await using var connection = await RoomConnection.ConnectAsync(server.Ticket(), Options());
        var socket = await LiveAsync(server, connection);

        await socket.SendAsync(new RoomEnded(RoomEndReasons.EndedByHost));
        await socket.CloseAsync(StreamProtocol.CloseCodes.RoomEnded);

        Assert.Equal(RoomEndReasons.EndedByHost, (await NextMessageAsync<RoomEnded>(connection)).Reason);
        Assert.False(await connection.Messages.WaitToReadAsync().Within());
        Assert.Equal(StreamProtocol.CloseCodes.RoomEnded, (await connection.Completion.Within()).CloseStatus);
        Assert.Single(server.Attempts);
    }

    [Fact]
    public async Task Close_1001_from_a_stopping_instance_reconnects_and_resumes()
    {
        await using var server = await FakeStreamServer.StartAsync();
        await using var connection = await RoomConnection.ConnectAsync(server.Ticket(), Options());
        var first = await LiveAsync(server, connection);

        await first.CloseAsync(WebSocketCloseStatus.EndpointUnavailable);

        var reconnecting = await NextStateAsync(connection);
        Assert.Equal(ConnectionState.Reconnecting, reconnecting.State);
        Assert.Equal((CloseKind.ClosedByServer, (WebSocketCloseStatus?)WebSocketCloseStatus.EndpointUnavailable), (reconnecting.Reason!.Kind, reconnecting.Reason.CloseStatus));
        var second = await server.AcceptAsync();
        Assert.Equal(new ResumeToken("s-1", "k-1", 0), second.Credentials!.Resume);
        await second.SendAsync(Script.Resumed(0, "k-2"));
        Assert.Equal((ConnectionState.Live, (bool?)true), (await NextStateAsync(connection)) is var live ? (live.State, live.Recovered) : default);
    }

    [Theory]
    [InlineData(1011)]
    [InlineData(1012)]
    [InlineData(1013)]
    public async Task Transient_server_close_reconnects(int code)
    {
        await using var server = await FakeStreamServer.StartAsync();
        await using var connection = await RoomConnection.ConnectAsync(server.Ticket(), Options());
        var first = await LiveAsync(server, connection);

        await first.CloseAsync((WebSocketCloseStatus)code);

        Assert.Equal(ConnectionState.Reconnecting, (await NextStateAsync(connection)).State);
        Assert.NotNull((await server.AcceptAsync()).Credentials!.Resume);
    }

    [Fact]
    public async Task Close_1008_reconnects_after_a_pause()
    {
        await using var server = await FakeStreamServer.StartAsync();
        var pause = TimeSpan.FromSeconds(3);
        await using var connection = await RoomConnection.ConnectAsync(server.Ticket(), Options(new ReconnectPolicy { PolicyClosePause = pause }));
        var first = await LiveAsync(server, connection);

        await first.CloseAsync(WebSocketCloseStatus.PolicyViolation);

        Assert.Equal(ConnectionState.Reconnecting, (await NextStateAsync(connection)).State);
        await server.AcceptAsync();
        Assert.Equal([pause], _delays);
    }

    [Fact]
    public async Task Http_401_on_reconnect_gets_a_fresh_ticket_from_the_rejoin_callback()
    {
        await using var server = await FakeStreamServer.StartAsync();
        var original = server.Ticket(ClientId);
        var rejoined = server.Ticket(ClientId, server.StreamUrl + "?instance=b");
        var asked = new List<RoomTicket>();
        var options = Options() with
        {
            Rejoin = (held, _) =>
            {
                lock (asked)
                {
                    asked.Add(held);
                }

                return Task.FromResult(rejoined);
            },
        };
        await using var connection = await RoomConnection.ConnectAsync(original, options);
        var first = await LiveAsync(server, connection);
        server.RefuseNext(HttpStatusCode.Unauthorized);

        first.Drop();

        var second = await server.AcceptAsync();
        Assert.Equal([original], asked);
        Assert.Equal(["", "", "?instance=b"], server.Attempts.Select(a => a.Query));
        Assert.Equal(HttpStatusCode.Unauthorized, server.Attempts[1].RefusedWith);
        Assert.Equal(rejoined.Ticket, second.Credentials!.Ticket);
        await second.SendAsync(Script.Welcome(session: "s-2"));
        Assert.Equal(ConnectionState.Reconnecting, (await NextStateAsync(connection)).State);
        Assert.Equal((ConnectionState.Live, (bool?)false), (await NextStateAsync(connection)) is var live ? (live.State, live.Recovered) : default);
        Assert.Same(rejoined, connection.Ticket);
    }

    [Fact]
    public async Task Http_401_on_reconnect_without_a_rejoin_callback_closes()
    {
        await using var server = await FakeStreamServer.StartAsync();
        await using var connection = await RoomConnection.ConnectAsync(server.Ticket(), Options());
        var first = await LiveAsync(server, connection);
        server.RefuseNext(HttpStatusCode.Unauthorized);

        first.Drop();

        var closed = await connection.Completion.Within();
        Assert.Equal((CloseKind.Refused, (HttpStatusCode?)HttpStatusCode.Unauthorized), (closed.Kind, closed.HttpStatus));
        Assert.Equal(2, server.Attempts.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.Conflict)]
    [InlineData(HttpStatusCode.Gone)]
    public async Task Final_handshake_refusal_closes_without_trying_again(HttpStatusCode status)
    {
        await using var server = await FakeStreamServer.StartAsync();
        var rejoins = 0;
        var options = Options() with
        {
            Rejoin = (held, _) =>
            {
                Interlocked.Increment(ref rejoins);
                return Task.FromResult(held);
            },
        };
        await using var connection = await RoomConnection.ConnectAsync(server.Ticket(), options);
        var first = await LiveAsync(server, connection);
        server.RefuseNext(status);

        first.Drop();

        var closed = await connection.Completion.Within();
        Assert.Equal((CloseKind.Refused, (HttpStatusCode?)status), (closed.Kind, closed.HttpStatus));
        Assert.Equal(2, server.Attempts.Count);
        Assert.Equal(0, rejoins);
    }

    [Fact]
    public async Task Instance_gone_after_1001_is_left_for_the_one_the_rejoin_names()
    {
        await using var stopping = await FakeStreamServer.StartAsync();
        await using var next = await FakeStreamServer.StartAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = Options() with
        {
            Rejoin = (held, _) => Task.FromResult(next.Ticket(held.ClientId)),
            Delay = async (delay, cancellationToken) =>
            {
                Record(delay);
                await gate.Task.WaitAsync(cancellationToken);
            },
        };
        await using var connection = await RoomConnection.ConnectAsync(stopping.Ticket(ClientId), options);
        var first = await LiveAsync(stopping, connection);

        await first.CloseAsync(WebSocketCloseStatus.EndpointUnavailable);
        Assert.Equal(ConnectionState.Reconnecting, (await NextStateAsync(connection)).State);
        await stopping.CrashAsync();
        gate.SetResult();

        var moved = await next.AcceptAsync();
        Assert.Equal(new StreamCredentials(connection.Ticket.Ticket, null, new ResumeToken("s-1", "k-1", 0)), moved.Credentials);
        Assert.Single(stopping.Attempts);
        Assert.Single(next.Attempts);
        Assert.Equal(next.StreamUrl, connection.Ticket.StreamUrl);
    }

    [Fact]
    public async Task Close_1001_asks_the_rejoin_at_once_and_a_fresh_welcome_on_the_new_instance_starts_a_new_session()
    {
        await using var moving = await FakeStreamServer.StartAsync();
        await using var next = await FakeStreamServer.StartAsync();
        var rejoins = 0;
        var options = Options() with
        {
            Rejoin = (held, _) =>
            {
                Interlocked.Increment(ref rejoins);
                return Task.FromResult(next.Ticket(held.ClientId));
            },
        };
        await using var connection = await RoomConnection.ConnectAsync(moving.Ticket(ClientId), options);
        var first = await LiveAsync(moving, connection);
        await first.SendAsync(Script.Joined(3, seq: 5));
        await NextMessageAsync<MemberJoined>(connection);

        await first.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "room moved: rejoin");

        Assert.Equal(ConnectionState.Reconnecting, (await NextStateAsync(connection)).State);
        var moved = await next.AcceptAsync();
        Assert.Equal(connection.Ticket.Ticket, moved.Credentials!.Ticket);
        Assert.Equal(next.StreamUrl, connection.Ticket.StreamUrl);
        Assert.Single(moving.Attempts);
        Assert.Equal(1, rejoins);

        // The new instance knows nothing of the old session: its welcome starts from its own seq.
        await moved.SendAsync(Script.Welcome(seq: 1, session: "s-2", secret: "k-2"));
        await moved.SendAsync(Script.Joined(4, seq: 2));
        Assert.Equal((ConnectionState.Live, (bool?)false), (await NextStateAsync(connection)) is var live ? (live.State, live.Recovered) : default);
        Assert.Equal("s-2", (await NextMessageAsync<Welcome>(connection)).Session);
        Assert.Equal(2, (await NextMessageAsync<MemberJoined>(connection)).Seq);
        Assert.Equal(new ResumeToken("s-2", "k-2", 2), connection.ResumeToken);
    }

    [Fact]
    public async Task Http_503_on_reconnect_asks_the_rejoin_for_the_instance_the_room_moved_to()
    {
        await using var server = await FakeStreamServer.StartAsync();
        var rejoined = server.Ticket(ClientId, server.StreamUrl + "?instance=b");
        var rejoins = 0;
        var options = Options() with
        {
            Rejoin = (_, _) =>
            {
                Interlocked.Increment(ref rejoins);
                return Task.FromResult(rejoined);
            },
        };
        await using var connection = await RoomConnection.ConnectAsync(server.Ticket(ClientId), options);
        var first = await LiveAsync(server, connection);
        server.RefuseNext(HttpStatusCode.ServiceUnavailable);

        first.Drop();

        var second = await server.AcceptAsync();
        Assert.Equal(["", "", "?instance=b"], server.Attempts.Select(a => a.Query));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, server.Attempts[1].RefusedWith);
        Assert.Equal(rejoined.Ticket, second.Credentials!.Ticket);
        Assert.Equal(1, rejoins);
    }

    [Fact]
    public async Task Http_503_on_reconnect_without_a_rejoin_callback_tries_the_instance_again()
    {
        await using var server = await FakeStreamServer.StartAsync();
        await using var connection = await RoomConnection.ConnectAsync(server.Ticket(), Options());
        var first = await LiveAsync(server, connection);
        server.RefuseNext(HttpStatusCode.ServiceUnavailable);

        first.Drop();

        Assert.NotNull((await server.AcceptAsync()).Credentials!.Resume);
        Assert.Equal(3, server.Attempts.Count);
    }

    [Fact]
    public async Task Instance_out_of_reach_twice_after_a_drop_is_left_for_the_one_the_rejoin_names()
    {
        await using var crashed = await FakeStreamServer.StartAsync();
        await using var next = await FakeStreamServer.StartAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var rejoins = 0;
        var options = Options() with
        {
            Rejoin = (held, _) =>
            {
                Interlocked.Increment(ref rejoins);
                return Task.FromResult(next.Ticket(held.ClientId));
            },
            Delay = async (delay, cancellationToken) =>
            {
                Record(delay);
                await gate.Task.WaitAsync(cancellationToken);
            },
        };
        await using var connection = await RoomConnection.ConnectAsync(crashed.Ticket(ClientId), options);
        var first = await LiveAsync(crashed, connection);

        first.Drop();
        Assert.Equal(ConnectionState.Reconnecting, (await NextStateAsync(connection)).State);
        await crashed.CrashAsync();
        gate.SetResult();

        Assert.NotNull((await next.AcceptAsync()).Credentials!.Resume);
        Assert.Equal(1, rejoins);
        Assert.Equal(3, _delays.Count);
    }

    [Fact]
    public async Task Reconnect_gives_up_after_the_attempt_limit_with_growing_bounded_delays()
    {
        await using var server = await FakeStreamServer.StartAsync();
        var policy = new ReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(300), MaxAttempts = 4 };
        await using var connection = await RoomConnection.ConnectAsync(server.Ticket(), Options(policy));
        var first = await LiveAsync(server, connection);
        for (var i = 0; i < 10; i++)
        {
            server.RefuseNext(HttpStatusCode.ServiceUnavailable);
        }

        first.Drop();

        var closed = await connection.Completion.Within();
        Assert.Equal((CloseKind.GaveUp, (HttpStatusCode?)HttpStatusCode.ServiceUnavailable), (closed.Kind, closed.HttpStatus));
        Assert.IsType<RoomConnectionException>(closed.Error);
        Assert.Equal(1 + 4, server.Attempts.Count);
        Assert.Collection(
            _delays,
            d => Assert.InRange(d.TotalMilliseconds, 50, 100),
            d => Assert.InRange(d.TotalMilliseconds, 100, 200),
            d => Assert.InRange(d.TotalMilliseconds, 150, 300),
            d => Assert.InRange(d.TotalMilliseconds, 150, 300));
    }

    [Fact]
    public async Task Reconnect_gives_up_when_the_next_wait_would_pass_the_time_limit()
    {
        await using var server = await FakeStreamServer.StartAsync();
        var time = new FakeTimeProvider();
        var policy = new ReconnectPolicy
        {
            InitialDelay = TimeSpan.FromMilliseconds(100),
            MaxDelay = TimeSpan.FromMilliseconds(400),
            MaxAttempts = 1000,
            MaxDuration = TimeSpan.FromSeconds(2),
        };
        var options = Options(policy) with
        {
            TimeProvider = time,
            Delay = (delay, _) =>
            {
                Record(delay);
                time.Advance(delay);
                return Task.CompletedTask;
            },
        };
        await using var connection = await RoomConnection.ConnectAsync(server.Ticket(), options);
        var first = await LiveAsync(server, connection);
        for (var i = 0; i < 50; i++)
        {
            server.RefuseNext(HttpStatusCode.ServiceUnavailable);
        }

        first.Drop();

        Assert.Equal(CloseKind.GaveUp, (await connection.Completion.Within()).Kind);
        var waited = _delays.Aggregate(TimeSpan.Zero, (sum, d) => sum + d);
        Assert.InRange(waited, policy.MaxDuration - policy.MaxDelay, policy.MaxDuration);
        Assert.Equal(1 + _delays.Count, server.Attempts.Count);
    }

    [Fact]
    public async Task Close_while_reconnecting_stops_the_reconnect()
    {
        await using var server = await FakeStreamServer.StartAsync();
        var options = Options() with { Delay = (_, cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken) };
        var connection = await RoomConnection.ConnectAsync(server.Ticket(), options);
        var first = await LiveAsync(server, connection);
        first.Drop();
        Assert.Equal(ConnectionState.Reconnecting, (await NextStateAsync(connection)).State);

        Assert.False(await connection.SendAsync(new Ping(Json("1"))).Within());
        await connection.DisposeAsync().AsTask().Within();

        Assert.Equal(CloseKind.ClosedByClient, (await connection.Completion.Within()).Kind);
        Assert.Equal(ConnectionState.Closed, connection.State);
        Assert.Single(server.Attempts);
    }

    [Fact]
    public async Task Close_sends_1000_and_ends_without_a_reconnect()
    {
        await using var server = await FakeStreamServer.StartAsync();
        var connection = await RoomConnection.ConnectAsync(server.Ticket(), Options());
        var socket = await LiveAsync(server, connection);

        await connection.CloseAsync().Within();

        Assert.Equal(WebSocketCloseStatus.NormalClosure, (await socket.ReceiveAsync()).CloseStatus);
        Assert.Equal(CloseKind.ClosedByClient, (await connection.Completion.Within()).Kind);
        Assert.Equal((ConnectionState.Live, ConnectionState.Closed), (await NextStateAsync(connection)) is var c ? (c.Previous, c.State) : default);
        Assert.False(await connection.Messages.WaitToReadAsync().Within());
        Assert.False(await connection.SendAsync(new Ping(Json("1"))).Within());
        await connection.CloseAsync().Within();
        Assert.Single(server.Attempts);
    }

    [Fact]
    public async Task Close_that_the_server_never_answers_ends_after_the_close_timeout()
    {
        await using var server = await FakeStreamServer.StartAsync();
        server.AnswersClose = false;
        var connection = await RoomConnection.ConnectAsync(server.Ticket(), Options() with { CloseTimeout = TimeSpan.FromMilliseconds(200) });
        var socket = await LiveAsync(server, connection);

        await connection.CloseAsync().Within();

        Assert.Equal(WebSocketCloseStatus.NormalClosure, (await socket.ReceiveAsync()).CloseStatus);
        Assert.Equal(CloseKind.ClosedByClient, (await connection.Completion.Within()).Kind);
        Assert.Single(server.Attempts);
    }

    [Fact]
    public async Task Messages_go_to_the_server_as_json_with_their_id()
    {
        await using var server = await FakeStreamServer.StartAsync();
        await using var connection = await RoomConnection.ConnectAsync(server.Ticket(), Options());
        var socket = await LiveAsync(server, connection);

        Assert.True(await connection.SendAsync(new SendData(Json("""{"sdp":"offer"}"""), [1]) { Id = "m-1" }).Within());
        Assert.True(await connection.SendAsync(Subscribe.ToAll(VideoLayers.High)).Within());

        var data = Assert.IsType<SendData>(await socket.ReceiveMessageAsync());
        Assert.Equal(("m-1", 1, "offer"), (data.Id, data.To!.Single(), data.Data.GetProperty("sdp").GetString()));
        Assert.Equal(Subscribe.ToAll(VideoLayers.High), Assert.IsType<Subscribe>(await socket.ReceiveMessageAsync()));
    }

    [Fact]
    public async Task Media_goes_out_with_a_two_byte_header_and_comes_in_with_the_sender()
    {
        await using var server = await FakeStreamServer.StartAsync();
        await using var connection = await RoomConnection.ConnectAsync(server.Ticket(), Options());
        var socket = await LiveAsync(server, connection);

        Assert.True(await connection.SendMediaAsync(MediaKind.Audio, 0, new byte[] { 7, 7, 7 }).Within());
        await socket.SendBinaryAsync(MediaFrames.EncodeIncoming(MediaKind.Video, 1, 300, [1, 2, 3]));

        var sent = await socket.ReceiveAsync();
        Assert.Equal(WebSocketMessageType.Binary, sent.Type);
        Assert.Equal(new byte[] { 2, 0, 7, 7, 7 }, sent.Bytes);
        var frame = await connection.Media.ReadAsync().Within();
        Assert.Equal((MediaKind.Video, (byte)1, (ushort)300), (frame.Kind, frame.Layer, frame.Sender));
        Assert.Equal(new byte[] { 1, 2, 3 }, frame.Payload.ToArray());
    }

    [Fact]
    public async Task Send_under_way_when_the_socket_is_aborted_answers_false_and_sends_go_out_again_after_the_reconnect()
    {
        await using var server = await FakeStreamServer.StartAsync();
        var options = Options() with { KeepAliveInterval = TimeSpan.FromMilliseconds(500), KeepAliveTimeout = TimeSpan.FromSeconds(2) };
        await using var connection = await RoomConnection.ConnectAsync(server.Ticket(ClientId), options);
        var first = await LiveAsync(server, connection);

        // The server stops reading, so it answers no ping: the keep-alive aborts the socket under the stalled send.
        first.StopReading();

        // Far more than the loopback socket buffers hold: the send is still writing when the socket is aborted.
        var stalled = connection.SendMediaAsync(MediaKind.Video, 0, new byte[64 * 1024 * 1024]);

        Assert.False(await stalled.Within());
        Assert.Equal(ConnectionState.Reconnecting, (await NextStateAsync(connection)).State);
        var second = await server.AcceptAsync();
        await second.SendAsync(Script.Resumed(0, "k-2"));
        Assert.Equal(ConnectionState.Live, (await NextStateAsync(connection)).State);
        Assert.True(await connection.SendMediaAsync(MediaKind.Video, 0, new byte[] { 9 }).Within());
        Assert.Equal(new byte[] { 1, 0, 9 }, (await second.ReceiveAsync()).Bytes);
    }

    [Fact]
    public async Task Unknown_message_types_and_text_that_is_no_json_do_not_break_the_connection()
    {
        await using var server = await FakeStreamServer.StartAsync();
        await using var connection = await RoomConnection.ConnectAsync(server.Ticket(), Options());
        var socket = await LiveAsync(server, connection);

        await socket.SendJsonAsync("""{"type":"record_ack","recording":"r-1","claim":"c"}""");
        await socket.SendJsonAsync("not json");
        await socket.SendAsync(Script.Joined(3, 1));

        Assert.Equal("record_ack", (await NextMessageAsync<UnknownServerMessage>(connection)).Type);
        Assert.Equal(1, (await NextMessageAsync<MemberJoined>(connection)).Seq);
        Assert.Equal(ConnectionState.Live, connection.State);
    }

    [Fact]
    public async Task A_message_larger_than_one_receive_is_put_together()
    {
        await using var server = await FakeStreamServer.StartAsync();
        await using var connection = await RoomConnection.ConnectAsync(server.Ticket(), Options());
        var socket = await LiveAsync(server, connection);
        var text = new string('x', 200_000);

        await socket.SendAsync(new DataReceived(1, JsonSerializer.SerializeToElement(text)));

        Assert.Equal(text, (await NextMessageAsync<DataReceived>(connection)).Data.GetString());
    }

    [Fact]
    public async Task Joiner_held_in_the_lobby_is_waiting_until_admitted()
    {
        await using var server = await FakeStreamServer.StartAsync();
        await using var connection = await RoomConnection.ConnectAsync(server.Ticket(), Options());
        var socket = await server.AcceptAsync();

        await socket.SendAsync(new Waiting("00157", HostPresent: true));
        Assert.Equal(ConnectionState.Waiting, (await NextStateAsync(connection)).State);
        Assert.True((await NextMessageAsync<Waiting>(connection)).HostPresent);
        Assert.Null(connection.ResumeToken);

        await socket.SendAsync(Script.Welcome());
        Assert.Equal((ConnectionState.Waiting, ConnectionState.Live), (await NextStateAsync(connection)) is var c ? (c.Previous, c.State) : default);
    }

    [Fact]
    public async Task Resume_token_given_up_front_is_presented_on_the_first_handshake()
    {
        await using var server = await FakeStreamServer.StartAsync();
        var token = new ResumeToken("s-0", "k-0", 17);

        await using var connection = await RoomConnection.ConnectAsync(server.Ticket(), Options() with { Resume = token });

        Assert.Equal(token, (await server.AcceptAsync()).Credentials!.Resume);
        Assert.Equal(17, connection.LastSeq);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Gone)]
    public async Task First_handshake_refused_throws_with_the_status(HttpStatusCode status)
    {
        await using var server = await FakeStreamServer.StartAsync();
        server.RefuseNext(status);

        var error = await Assert.ThrowsAsync<RoomConnectionException>(() => RoomConnection.ConnectAsync(server.Ticket(), Options()));

        Assert.Equal((HandshakeFailure.Refused, (HttpStatusCode?)status), (error.Failure, error.HttpStatus));
    }

    [Fact]
    public async Task Instance_that_does_not_select_v2_is_refused()
    {
        await using var server = await FakeStreamServer.StartAsync();
        server.SelectedProtocol = null;

        var error = await Assert.ThrowsAsync<RoomConnectionException>(() => RoomConnection.ConnectAsync(server.Ticket(), Options()));

        Assert.Equal(HandshakeFailure.WrongProtocol, error.Failure);
    }

    private RoomConnectionOptions Options(ReconnectPolicy? policy = null) => new()
    {
        Reconnect = policy ?? new ReconnectPolicy(),
        Delay = (delay, _) =>
        {
            Record(delay);
            return Task.CompletedTask;
        },
    };

    private void Record(TimeSpan delay)
    {
        lock (_delays)
        {
            _delays.Add(delay);
        }
    }

    private static async Task<FakeSocket> LiveAsync(FakeStreamServer server, RoomConnection connection)
    {
        var socket = await server.AcceptAsync();
        await socket.SendAsync(Script.Welcome());
        Assert.Equal(ConnectionState.Live, (await NextStateAsync(connection)).State);
        await NextMessageAsync<Welcome>(connection);
        return socket;
    }

    private static async Task<ConnectionStateChange> NextStateAsync(RoomConnection connection) =>
        await connection.StateChanges.ReadAsync().Within();

    private static async Task<T> NextMessageAsync<T>(RoomConnection connection)
        where T : ServerMessage =>
        Assert.IsType<T>(await connection.Messages.ReadAsync().Within());

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
