using System.Text.Json;
using System.Text.Json.Serialization;

namespace AvatarStream.Client.Messages;

// A control message from client to server. Serialize it with MessageJson (or through RoomConnection.SendAsync), which
// writes the "type" field; Id, when set, comes back in an error about this message.
[JsonConverter(typeof(ClientMessageConverter))]
public abstract record ClientMessage
{
    private protected ClientMessage(string type) => Type = type;

    [JsonIgnore]
    public string Type { get; }

    public string? Id { get; init; }
}

// Relayed as "data" from this member to the members in To, or to every other member when To is null.
public sealed record SendData(JsonElement Data, IReadOnlyList<int>? To = null) : ClientMessage(MessageTypes.Data);

// Replaces this member's video subscription: either Feeds, or All with one Layer. Use the factories.
public sealed record Subscribe(IReadOnlyList<Feed>? Feeds = null, bool? All = null, int? Layer = null) : ClientMessage(MessageTypes.Subscribe)
{
    public static Subscribe ToFeeds(params IReadOnlyList<Feed> feeds) => new(Feeds: feeds);

    public static Subscribe ToAll(int layer) => new(All: true, Layer: layer);
}

// One publisher's video at one layer.
public sealed record Feed(int Member, int Layer);

// This member's own state (a JSON object of at most 1 KiB); others get member_updated.
public sealed record SetMeta(JsonElement Meta) : ClientMessage(MessageTypes.SetMeta);

// Answered at once with pong carrying the same T.
public sealed record Ping(JsonElement T) : ClientMessage(MessageTypes.Ping);

// Host: turns the lobby on for later joiners.
public sealed record LockRoom() : ClientMessage(MessageTypes.Lock);

// Host: turns the lobby off for later joiners (those already waiting still need a decision).
public sealed record UnlockRoom() : ClientMessage(MessageTypes.Unlock);

// Host: lets a waiting joiner in.
public sealed record Admit(int Member) : ClientMessage(MessageTypes.Admit);

// Host: turns a waiting joiner away (closed with 4004, barred).
public sealed record Deny(int Member) : ClientMessage(MessageTypes.Deny);

// Host: removes a member (closed with 4003, barred).
public sealed record RemoveMember(int Member) : ClientMessage(MessageTypes.Remove);

// Host: gives a member the host role too.
public sealed record MakeHost(int Member) : ClientMessage(MessageTypes.MakeHost);

// Host: ends the room for everyone (room_ended, then close 4001).
public sealed record EndRoom() : ClientMessage(MessageTypes.EndRoom);

// Asks the room router to record the room (On), which also makes this member a recipient of the file, or, from a host,
// to stop. Nothing answers success: room_updated {recording: true} does, to everyone.
public sealed record RecordRoom(bool On, string? Email = null) : ClientMessage(MessageTypes.Record);
