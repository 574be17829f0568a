using System.Text.Json;
using System.Text.Json.Serialization;

namespace AvatarStream.Client.Messages;

// A control message from server to client. A type this library does not know arrives as UnknownServerMessage.
[JsonConverter(typeof(ServerMessageConverter))]
public abstract record ServerMessage
{
    private protected ServerMessage(string type) => Type = type;

    [JsonIgnore]
    public string Type { get; }
}

// A presence or room event: Seq is this member's own event counter (1, 2, 3, ... with no gaps); a resume replays these.
public interface ISequencedEvent
{
    public long Seq { get; }
}

// The snapshot a member gets when it enters (members include itself); Seq is the counter at the snapshot.
public sealed record Welcome(
    int Protocol,
    WelcomeRoom Room,
    WelcomeYou You,
    IReadOnlyList<MemberInfo> Members,
    long Seq,
    string Session,
    ResumeGrant Resume,
    IReadOnlyList<KnockInfo>? Knocks = null) : ServerMessage(MessageTypes.Welcome);

// JoinClosesAt: when the join window closes, or null when the room has none. Recording: a recorder is in the room.
public sealed record WelcomeRoom(
    string Id,
    bool Locked,
    bool HostPresent,
    [property: JsonConverter(typeof(UtcTimestampConverter))]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    DateTimeOffset? JoinClosesAt,
    bool Recording = false);

public sealed record WelcomeYou(int Member, string Role, string Name);

public sealed record MemberInfo(int Member, string Name, string Role, string State, JsonElement? Meta = null);

public sealed record KnockInfo(int Member, string Name);

// What resuming needs besides the session: the secret (rotated by every resume) and how long the seat is kept.
public sealed record ResumeGrant(string Secret, int GraceSeconds);

public sealed record MemberJoined(int Member, string Name, string Role, string State, long Seq, JsonElement? Meta = null)
    : ServerMessage(MessageTypes.MemberJoined), ISequencedEvent;

// Only the fields that changed are present.
public sealed record MemberUpdated(int Member, long Seq, string? State = null, JsonElement? Meta = null, string? Role = null)
    : ServerMessage(MessageTypes.MemberUpdated), ISequencedEvent;

public sealed record MemberLeft(int Member, string Reason, long Seq) : ServerMessage(MessageTypes.MemberLeft), ISequencedEvent;

// The room's state after a change: locked by a host, or a recorder arrived or left.
public sealed record RoomUpdated(bool Locked, long Seq, bool Recording = false) : ServerMessage(MessageTypes.RoomUpdated), ISequencedEvent;

// To hosts: a joiner waits in the lobby.
public sealed record Knock(int Member, string Name, long Seq) : ServerMessage(MessageTypes.Knock), ISequencedEvent;

// To hosts: a waiting joiner went away or was decided by another host.
public sealed record KnockCancelled(int Member, string Name, long Seq) : ServerMessage(MessageTypes.KnockCancelled), ISequencedEvent;

// To a joiner held in the lobby; sent again when HostPresent changes. Room is the room id.
public sealed record Waiting(string Room, bool HostPresent) : ServerMessage(MessageTypes.Waiting);

// Relayed from member From. Not sequenced, never replayed.
public sealed record DataReceived(int From, JsonElement Data) : ServerMessage(MessageTypes.Data);

// To a publisher: the video layers anyone subscribes to now (possibly none).
public sealed record LayersWanted(IReadOnlyList<int> Layers) : ServerMessage(MessageTypes.LayersWanted);

// The seat was kept: Missed holds the events after the last_seq presented, in order; Seq is the counter now.
// RoomConnection also delivers each missed event on its own right after this message.
public sealed record Resumed(bool Recovered, long Seq, IReadOnlyList<ServerMessage> Missed, ResumeGrant Resume)
    : ServerMessage(MessageTypes.Resumed);

// Just before close 4001.
public sealed record RoomEnded(string Reason) : ServerMessage(MessageTypes.RoomEnded);

// The server refused or could not read a message; Id echoes the message's id.
public sealed record ErrorMessage(string Code, string Message, JsonElement? Id = null) : ServerMessage(MessageTypes.Error);

public sealed record Pong(JsonElement T) : ServerMessage(MessageTypes.Pong);

// To each recipient of a recording once its file is stored: Recording is its id, Url a link valid until ExpiresAt.
public sealed record RecordingReady(
    string Recording,
    string Url,
    [property: JsonConverter(typeof(UtcTimestampConverter))] DateTimeOffset ExpiresAt) : ServerMessage(MessageTypes.RecordingReady);

// A message of a type this library does not know, or a known type whose fields did not fit: kept as it came.
public sealed record UnknownServerMessage : ServerMessage
{
    public UnknownServerMessage(string type, JsonElement raw)
        : base(type) => Raw = raw;

    public JsonElement Raw { get; }
}
