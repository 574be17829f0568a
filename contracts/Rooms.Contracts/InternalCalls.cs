namespace AvatarStream.Contracts;

/// <summary>A stream instance announces itself to the room router (<c>POST /put-task</c>).</summary>
/// <param name="InstanceId">The instance's Dapr app-id, e.g. <c>stream-1</c>.</param>
/// <param name="StreamUrl">The public WebSocket URL browsers connect to.</param>
/// <param name="Boot">
/// A random id of this process's start, the same in every announcement until it stops: an announcement with another boot
/// id is a restart, and the rooms the instance held before it move at once. Absent counts as one fixed boot id.
/// </param>
public sealed record PutTaskRequest(string InstanceId, string StreamUrl, string? Boot = null);

/// <summary>The room router's answer to <see cref="PutTaskRequest"/>.</summary>
/// <param name="Era">
/// The instance's placement era. It changes when the router takes the instance in again after evicting it, or when the
/// instance restarted (another boot id): rooms placed in an earlier era have moved or will move, so an instance that
/// sees its era change drops every room it holds (closing their sockets with 1001) and refuses registers of other eras.
/// </param>
public sealed record PutTaskResponse(long Era);

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
/// <param name="Era">
/// The instance's era the room was placed in (<see cref="PutTaskResponse.Era"/>); an instance in another era answers 409
/// <c>stale-placement</c> and seats nobody, so a register from before an eviction can never put the room back on it.
/// Absent: any era.
/// </param>
public sealed record RegisterRequest(
    string RoomId, string ClientId, string? Role = null, string? Name = null, RoomSettings? Settings = null, bool Knock = false, long? Era = null);

/// <summary>
/// The room router places a moved room on a stream instance with every seat it holds (<c>POST /place-room</c> on the
/// instance): each client is registered as by <see cref="RegisterRequest"/>, so one that never comes back is removed after
/// the instance's claim timeout as usual. Idempotent; 409 <c>stale-placement</c> as for a register of another era.
/// </summary>
/// <param name="RoomId">Canonical 5-digit room id.</param>
/// <param name="Era">The instance's era the room is placed in.</param>
/// <param name="Clients">The seats the room holds.</param>
/// <param name="Settings">What the room was created with.</param>
public sealed record PlaceRoomRequest(string RoomId, long Era, IReadOnlyList<HostedClient> Clients, RoomSettings Settings);

/// <summary>
/// A stream instance that is stopping tells the room router first (<c>POST /drain-instance</c> on the router): no new room is
/// placed on it, and each of its rooms moves to another instance on its next join. Idempotent.
/// </summary>
/// <param name="InstanceId">The instance's app-id.</param>
/// <param name="Boot">Its boot id (<see cref="PutTaskRequest.Boot"/>): a late call from an earlier process changes nothing.</param>
public sealed record DrainInstanceRequest(string InstanceId, string? Boot = null);

/// <summary>What a drain of a stream instance did (<c>POST /drain</c> on the instance).</summary>
/// <param name="Rooms">Rooms it held, now left to move.</param>
/// <param name="Sockets">Sockets it closed with 1001.</param>
public sealed record DrainReport(int Rooms, int Sockets);

/// <summary>
/// The IP updater (or a drained instance, about itself) asks the room router to drop an instance: it leaves the registry
/// and its rooms move to another instance on their next join.
/// </summary>
/// <param name="InstanceId">The instance's app-id.</param>
/// <param name="Boot">When given, only that boot of the instance is dropped (<see cref="PutTaskRequest.Boot"/>).</param>
public sealed record EvictInstanceRequest(string InstanceId, string? Boot = null);
