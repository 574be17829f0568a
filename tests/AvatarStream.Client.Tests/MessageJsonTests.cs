using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AvatarStream.Client.Messages;

namespace AvatarStream.Client.Tests;

// Every message type against JSON written the way the protocol design writes it.
public sealed class MessageJsonTests
{
    public static TheoryData<string, Type> ServerMessages => new()
    {
        {
            """
            {"type":"welcome","protocol":2,"room":{"id":"00157","locked":false,"host_present":true,"join_closes_at":null,"recording":false},
             "you":{"member":2,"role":"guest","name":"Ada"},
             "members":[{"member":1,"name":"Bo","role":"host","state":"connected","meta":{"camera":true}},
                        {"member":2,"name":"Ada","role":"guest","state":"connected","meta":{}}],
             "seq":0,"session":"s-1","resume":{"secret":"k-1","grace_seconds":30}}
            """,
            typeof(Welcome)
        },
        {
            """
            {"type":"welcome","protocol":2,"room":{"id":"00157","locked":true,"host_present":true,"join_closes_at":"2026-03-01T12:30:00Z","recording":true},
             "you":{"member":1,"role":"host","name":"Bo"},
             "members":[{"member":1,"name":"Bo","role":"host","state":"connected","meta":{}}],
             "knocks":[{"member":3,"name":"Cy"}],
             "seq":7,"session":"s-2","resume":{"secret":"k-2","grace_seconds":30}}
            """,
            typeof(Welcome)
        },
        { """{"type":"member_joined","member":3,"name":"Cy","role":"guest","state":"connected","meta":{},"seq":4}""", typeof(MemberJoined) },
        { """{"type":"member_updated","member":3,"state":"reconnecting","seq":5}""", typeof(MemberUpdated) },
        { """{"type":"member_updated","member":3,"meta":{"muted":true,"hand":false},"seq":6}""", typeof(MemberUpdated) },
        { """{"type":"member_updated","member":2,"role":"host","seq":7}""", typeof(MemberUpdated) },
        { """{"type":"member_left","member":3,"reason":"timeout","seq":8}""", typeof(MemberLeft) },
        { """{"type":"room_updated","locked":true,"recording":false,"seq":9}""", typeof(RoomUpdated) },
        { """{"type":"room_updated","locked":false,"recording":true,"seq":10}""", typeof(RoomUpdated) },
        { """{"type":"knock","member":4,"name":"Di","seq":10}""", typeof(Knock) },
        { """{"type":"knock_cancelled","member":4,"name":"Di","seq":11}""", typeof(KnockCancelled) },
        { """{"type":"waiting","room":"00157","host_present":false}""", typeof(Waiting) },
        { """{"type":"data","from":1,"data":{"kind":"offer","sdp":"v=0\r\n"}}""", typeof(DataReceived) },
        { """{"type":"data","from":1,"data":"hello"}""", typeof(DataReceived) },
        { """{"type":"layers_wanted","layers":[0,2]}""", typeof(LayersWanted) },
        { """{"type":"layers_wanted","layers":[]}""", typeof(LayersWanted) },
        {
            """
            {"type":"resumed","recovered":true,"seq":12,
             "missed":[{"type":"member_updated","member":3,"state":"connected","seq":11},
                       {"type":"member_left","member":4,"reason":"left","seq":12}],
             "resume":{"secret":"k-3","grace_seconds":30}}
            """,
            typeof(Resumed)
        },
        { """{"type":"room_ended","reason":"ended_by_host"}""", typeof(RoomEnded) },
        { """{"type":"error","code":"not_host","message":"Only a host may lock the room.","id":"7"}""", typeof(ErrorMessage) },
        { """{"type":"error","code":"too_many_feeds","message":"At most 49 feeds.","id":12}""", typeof(ErrorMessage) },
        { """{"type":"error","code":"bad_message","message":"Not JSON."}""", typeof(ErrorMessage) },
        { """{"type":"pong","t":1767225600000}""", typeof(Pong) },
        { """{"type":"recording_ready","recording":"r-1","url":"https://files.example/r-1.webm","expires_at":"2026-03-08T12:30:00Z"}""", typeof(RecordingReady) },
    };

    public static TheoryData<string, ClientMessage> ClientMessages => new()
    {
        { """{"type":"data","data":{"text":"hi"}}""", new SendData(Json("""{"text":"hi"}""")) },
        { """{"type":"data","to":[2,5],"data":{"kind":"ice","candidate":"c"},"id":"m1"}""", new SendData(Json("""{"kind":"ice","candidate":"c"}"""), [2, 5]) { Id = "m1" } },
        { """{"type":"subscribe","feeds":[{"member":2,"layer":2},{"member":3,"layer":0}]}""", Subscribe.ToFeeds(new Feed(2, 2), new Feed(3, 0)) },
        { """{"type":"subscribe","all":true,"layer":1}""", Subscribe.ToAll(1) },
        { """{"type":"set_meta","meta":{"camera":false,"muted":true}}""", new SetMeta(Json("""{"camera":false,"muted":true}""")) },
        { """{"type":"ping","t":42}""", new Ping(Json("42")) },
        { """{"type":"lock"}""", new LockRoom() },
        { """{"type":"unlock","id":"u"}""", new UnlockRoom() { Id = "u" } },
        { """{"type":"admit","member":4}""", new Admit(4) },
        { """{"type":"deny","member":4}""", new Deny(4) },
        { """{"type":"remove","member":3}""", new RemoveMember(3) },
        { """{"type":"make_host","member":2}""", new MakeHost(2) },
        { """{"type":"end_room"}""", new EndRoom() },
        { """{"type":"record","on":true,"id":"r"}""", new RecordRoom(true) { Id = "r" } },
        { """{"type":"record","on":false}""", new RecordRoom(false) },
    };

    [Theory]
    [MemberData(nameof(ServerMessages))]
    public void Server_message_reads_as_its_record_and_writes_back_the_same_json(string json, Type expected)
    {
        var message = MessageJson.ParseServerMessage(Encoding.UTF8.GetBytes(json));

        Assert.IsType(expected, message);
        Assert.Equal(JsonNode.Parse(json)!["type"]!.GetValue<string>(), message.Type);
        AssertSameJson(json, MessageJson.Serialize(message));
    }

    [Theory]
    [MemberData(nameof(ClientMessages))]
    public void Client_message_writes_the_design_json_and_reads_back(string json, ClientMessage message)
    {
        AssertSameJson(json, MessageJson.Serialize(message));

        var read = MessageJson.ParseClientMessage(Encoding.UTF8.GetBytes(json));
        Assert.IsType(message.GetType(), read);
        AssertSameJson(json, MessageJson.Serialize(read));
    }

    [Fact]
    public void Every_message_type_is_covered()
    {
        var server = ServerMessages.Select(row => (Type)row[1]).ToHashSet();
        var client = ClientMessages.Select(row => row[1].GetType()).ToHashSet();
        var all = typeof(ServerMessage).Assembly.GetExportedTypes().Where(t => !t.IsAbstract).ToList();

        Assert.Equal(all.Where(t => t.IsSubclassOf(typeof(ServerMessage)) && t != typeof(UnknownServerMessage)).ToHashSet(), server);
        Assert.Equal(all.Where(t => t.IsSubclassOf(typeof(ClientMessage))).ToHashSet(), client);
    }

    [Fact]
    public void Welcome_fields_are_read()
    {
        var welcome = Assert.IsType<Welcome>(Parse((string)ServerMessages.ElementAt(1)[0]));

        Assert.Equal(2, welcome.Protocol);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 12, 30, 0, TimeSpan.Zero), welcome.Room.JoinClosesAt);
        Assert.True(welcome.Room.Locked);
        Assert.Equal(new WelcomeYou(1, "host", "Bo"), welcome.You);
        Assert.Equal([new KnockInfo(3, "Cy")], welcome.Knocks!);
        Assert.Equal((7L, "s-2", "k-2", 30), (welcome.Seq, welcome.Session, welcome.Resume.Secret, welcome.Resume.GraceSeconds));
    }

    [Fact]
    public void Resumed_reads_its_missed_events_as_messages()
    {
        var resumed = Assert.IsType<Resumed>(Parse((string)ServerMessages.Single(row => (Type)row[1] == typeof(Resumed))[0]));

        Assert.Collection(
            resumed.Missed,
            m => Assert.Equal(new MemberUpdated(3, 11, State: MemberStates.Connected), m),
            m => Assert.Equal(new MemberLeft(4, LeaveReasons.Left, 12), m));
        Assert.Equal("k-3", resumed.Resume.Secret);
    }

    [Fact]
    public void Type_may_stand_anywhere_in_the_object()
    {
        Assert.Equal(new MemberLeft(3, "removed", 8), Parse("""{"member":3,"reason":"removed","seq":8,"type":"member_left"}"""));
    }

    [Fact]
    public void Unknown_type_is_kept_as_it_came()
    {
        const string json = """{"type":"record_ack","recording":"r-1","claim":"c"}""";

        var unknown = Assert.IsType<UnknownServerMessage>(Parse(json));

        Assert.Equal("record_ack", unknown.Type);
        Assert.Equal("r-1", unknown.Raw.GetProperty("recording").GetString());
        AssertSameJson(json, MessageJson.Serialize(unknown));
    }

    [Fact]
    public void Known_type_with_fields_that_do_not_fit_is_kept_as_unknown()
    {
        var unknown = Assert.IsType<UnknownServerMessage>(Parse("""{"type":"member_left","member":"three","seq":1}"""));

        Assert.Equal("member_left", unknown.Type);
    }

    [Fact]
    public void Fields_a_newer_server_adds_are_ignored()
    {
        Assert.Equal(new RoomUpdated(true, 3), Parse("""{"type":"room_updated","locked":true,"recording":false,"theme":"dark","seq":3}"""));
    }

    [Fact]
    public void A_message_without_type_is_unknown_and_one_that_is_no_object_throws()
    {
        Assert.Equal(string.Empty, Assert.IsType<UnknownServerMessage>(Parse("""{"seq":1}""")).Type);
        Assert.Throws<JsonException>(() => Parse("[1,2]"));
        Assert.Throws<JsonException>(() => Parse("{"));
    }

    [Fact]
    public void Unknown_client_message_type_is_refused()
    {
        Assert.Throws<JsonException>(() => MessageJson.ParseClientMessage("""{"type":"shout"}"""u8));
    }

    private static ServerMessage Parse(string json) => MessageJson.ParseServerMessage(Encoding.UTF8.GetBytes(json));

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static void AssertSameJson(string expected, byte[] actual)
    {
        var want = JsonNode.Parse(expected);
        var got = JsonNode.Parse(actual);
        Assert.True(JsonNode.DeepEquals(want, got), $"expected {want?.ToJsonString()}\n     got {got?.ToJsonString()}");
    }
}
