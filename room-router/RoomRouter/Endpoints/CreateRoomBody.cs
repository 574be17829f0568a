using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Core.Rooms;

namespace AvatarStream.RoomRouter.Endpoints;

// The body of POST /create-room, every field optional, read by hand so that each bad field gets a 400 naming it.
// No body at all reads as {}: a host named "Guest", no lobby, no join window, the server's client limit, a private room.
// The attributes only describe the fields in the OpenAPI document; Read is what enforces them.
internal sealed record CreateRoomBody(
    [property: Description("The host's display name: 1 to 40 characters after trimming, no control characters.")]
    string Name = MemberNames.Default,
    [property: Description("Joiners wait in a lobby until a host admits them.")]
    bool Lobby = false,
    [property: Description("A JSON number: new identities may join for this many seconds after the create; members holding a seat may always rejoin. None when absent.")]
    [property: Range(1, CreateRoomBody.MaxJoinWindowSeconds)]
    int? JoinWindowSeconds = null,
    [property: Description("A JSON number: the room's client limit, at most the server's (Rooms:MaxClientsPerRoom), which applies when absent.")]
    int? MaxClients = null,
    [property: Description("\"private\" (the default): a joiner needs the room's join_key, one without it knocks and waits for a host. \"open\": the room id alone joins.")]
    string Access = CreateRoomBody.Private)
{
    public const string Private = "private";
    public const string Open = "open";
    private static readonly string[] AccessChoices = [Private, Open];

    // A day: long enough for any meeting, short enough that a typo does not leave a room open for years.
    public const int MaxJoinWindowSeconds = 86_400;

    // The body with its name trimmed (or the default); null, with the reason, when a field is malformed.
    // serverClientLimit is the most max_clients may ask for.
    public static CreateRoomBody? Read(JsonElement body, int serverClientLimit, out string error)
    {
        if (!BodyFields.TryReadName(body, out var name, out error)
            || !BodyFields.TryReadFlag(body, "lobby", out var lobby, out error)
            || !BodyFields.TryReadWholeNumber(body, "join_window_seconds", 1, MaxJoinWindowSeconds, out var joinWindowSeconds, out error)
            || !BodyFields.TryReadWholeNumber(body, "max_clients", 1, serverClientLimit, out var maxClients, out error)
            || !BodyFields.TryReadChoice(body, "access", AccessChoices, out var access, out error))
        {
            return null;
        }

        return new CreateRoomBody(name, lobby, joinWindowSeconds, maxClients, access);
    }

    // The room's policy for a create at now: the join window counts from then.
    public RoomPolicy PolicyAt(DateTimeOffset now) =>
        RoomPolicy.Starting(now, Lobby, JoinWindowSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null, MaxClients, Access == Open);
}
