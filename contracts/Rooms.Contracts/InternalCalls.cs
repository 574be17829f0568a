namespace AvatarStream.Contracts;

/// <summary>A stream instance announces itself to the room router (<c>POST /put-task</c>).</summary>
/// <param name="InstanceId">The instance's Dapr app-id, e.g. <c>stream-1</c>.</param>
/// <param name="StreamUrl">The public WebSocket URL browsers connect to.</param>
public sealed record PutTaskRequest(string InstanceId, string StreamUrl);

/// <summary>Why a client left a stream instance.</summary>
public static class DepartureReasons
{
    /// <summary>It closed its socket, never claimed its seat, or its resume grace ran out.</summary>
    public const string Left = "left";

    /// <summary>A host removed it: the router bars the identity from the room.</summary>
    public const string Removed = "removed";

    /// <summary>A host denied it at the lobby: the router bars the identity from the room.</summary>
    public const string Denied = "denied";

    /// <summary>It waited in the lobby past the knock timeout (not barred).</summary>
    public const string KnockTimedOut = "knock_timed_out";

    /// <summary>Whether the router keeps the identity out of the room after this departure.</summary>
    public static bool Bars(string? reason) => reason is Removed or Denied;
}

/// <summary>A client left a stream instance (<c>POST /remove-client</c> on the room router).</summary>
/// <param name="RoomId">Canonical 5-digit room id.</param>
/// <param name="ClientId">The client's id.</param>
/// <param name="Reason">One of <see cref="DepartureReasons"/>; absent means <see cref="DepartureReasons.Left"/>.</param>
public sealed record RemoveClientRequest(string RoomId, string ClientId, string? Reason = null);

/// <summary>A host ended a room on its stream instance (<c>POST /end-room</c> on the room router).</summary>
/// <param name="RoomId">Canonical 5-digit room id.</param>
public sealed record EndRoomRequest(string RoomId);

/// <summary>What a room was created with, carried to its stream instance on every register.</summary>
/// <param name="Lobby">The room starts locked: joiners wait for a host to admit them.</param>
/// <param name="JoinClosesAt">When join-room stops taking new identities, or null for never.</param>
/// <param name="Open">Joiners need no join key (the host asked for it at create-room).</param>
public sealed record RoomSettings(bool Lobby = false, DateTimeOffset? JoinClosesAt = null, bool Open = false);

/// <summary>The room router admits a client on a stream instance (<c>POST /register</c> on the instance).</summary>
/// <param name="RoomId">Canonical 5-digit room id.</param>
/// <param name="ClientId">The client's id.</param>
/// <param name="Role">One of <see cref="RoomRoles"/>; absent means <see cref="RoomRoles.Guest"/>.</param>
/// <param name="Name">The member's display name (<see cref="MemberNames"/>); absent means <see cref="MemberNames.Default"/>.</param>
/// <param name="Settings">The room's settings; absent means the defaults.</param>
/// <param name="Knock">The client joined without the room's key: its v2 socket waits in the lobby for a host, a v1 socket is refused.</param>
public sealed record RegisterRequest(string RoomId, string ClientId, string? Role = null, string? Name = null, RoomSettings? Settings = null, bool Knock = false);

/// <summary>The IP updater asks the room router to drop a dead instance with its rooms and clients.</summary>
/// <param name="InstanceId">The dead instance's app-id.</param>
public sealed record EvictInstanceRequest(string InstanceId);
