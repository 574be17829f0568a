using Dapr.Actors;

namespace AvatarStream.Contracts;

/// <summary>
/// One room (actor id = canonical room id). The actor's turn-based concurrency serializes everything that touches
/// the room, so seats are counted without races. Expected failures come back as statuses, never as exceptions.
/// </summary>
public interface IRoomActor : IActor
{
    /// <summary>Creates the room with its host as first client, replacing any stale state left under this id.</summary>
    public Task<RoomSnapshot> CreateAsync(CreateRoomArgs args);

    /// <summary>
    /// Reserves a pending seat for a new client, within the room's join window and client limit, unless the caller still
    /// holds one (then that seat is the answer) or is barred.
    /// </summary>
    public Task<JoinRoomResult> JoinAsync(JoinRoomArgs args);

    /// <summary>
    /// Turns a pending seat into a permanent one once the stream instance admitted the client; refused when the room has
    /// moved off the instance and era the client was registered on since.
    /// </summary>
    public Task<ConfirmClientResult> ConfirmClientAsync(ConfirmClientArgs args);

    /// <summary>
    /// Moves the room, with its seats, host and key, from where the caller saw it to another instance, unless it is no
    /// longer there (another router moved it first); either way answers where the room is now. Of concurrent moves one wins.
    /// </summary>
    public Task<RoomPlacement> MoveAsync(MoveRoomArgs args);

    /// <summary>Records that every seat was registered on the room's instance after its move (<see cref="RoomPlacement.Placed"/>).</summary>
    public Task MarkPlacedAsync(PlacementArgs args);

    /// <summary>
    /// A member's <c>record</c>: the first request starts a recording (with the ids given), later ones add the requester to
    /// its recipients, a host's stop ends it. Answers what happened and the recording it concerns.
    /// </summary>
    public Task<RecordResult> RecordAsync(RecordArgs args);

    /// <summary>
    /// The recording is over (finished, failed, or its recorder left), named by its id or by its recorder's seat; nothing
    /// changes when another one is going. Answers the recording that ended, if any.
    /// </summary>
    public Task<RecordingEnded> EndRecordingAsync(RecordingArgs args);

    /// <summary>Where the room is, or that there is none.</summary>
    public Task<RoomPlacement> GetPlacementAsync();

    /// <summary>Deletes the room only while it is still on that instance and era: a room that nobody came back to after its instance died. Idempotent.</summary>
    public Task<DeleteRoomResult> DeleteIfOnAsync(PlacementArgs args);

    /// <summary>
    /// Drops a client unless it is the room's last, which it leaves in place (<see cref="RemoveClientStatus.LastClient"/>):
    /// the caller then marks the room's ledger row before <see cref="RemoveClientAsync"/> ends the room. Idempotent.
    /// </summary>
    public Task<RemoveClientResult> RemoveClientUnlessLastAsync(RemoveClientArgs args);

    /// <summary>Drops a client; the room deletes itself when its last client leaves. Idempotent.</summary>
    public Task<RemoveClientResult> RemoveClientAsync(RemoveClientArgs args);

    /// <summary>
    /// Ends the room for good (its host ended it): its seats are freed, a join is told it ended, and every other call
    /// sees no room. A create under this id replaces it. Idempotent.
    /// </summary>
    public Task EndAsync();

    /// <summary>What the room looks like, or that it does not exist (an ended room does not).</summary>
    public Task<RoomLookup> GetAsync();

    /// <summary>The room's clients with a live seat, for the instance it moves to.</summary>
    public Task<RoomClients> GetClientsAsync(ClientsArgs args);

    /// <summary>Deletes the room whatever its clients. Idempotent.</summary>
    public Task DeleteAsync();

    /// <summary>
    /// Deletes the room only if <see cref="ClientArgs.ClientId"/> is its host: a create that undoes itself must not
    /// delete a later room that reused the id. Idempotent.
    /// </summary>
    public Task<DeleteRoomResult> DeleteIfHostAsync(ClientArgs args);
}

/// <summary>Arguments of <see cref="IRoomActor.CreateAsync"/>.</summary>
/// <param name="InstanceId">App-id of the stream instance hosting the room.</param>
/// <param name="HostClientId">The creating client, who becomes host.</param>
/// <param name="Now">The caller's clock, so the actor needs none.</param>
/// <param name="HostName">The host's display name (<see cref="MemberNames"/>).</param>
/// <param name="Settings">What the room is created with; absent means the defaults.</param>
/// <param name="MaxClients">The room's own client limit (at most the server's), or null for the server's.</param>
/// <param name="JoinKey">The secret of the room's invite link: a joiner without it knocks (unless the room is open).</param>
/// <param name="Era">The instance's era the room is placed in (<see cref="PutTaskResponse.Era"/>).</param>
public sealed record CreateRoomArgs(
    string InstanceId,
    string HostClientId,
    DateTimeOffset Now,
    string HostName = MemberNames.Default,
    RoomSettings? Settings = null,
    int? MaxClients = null,
    string? JoinKey = null,
    long Era = 0);

/// <summary>Arguments of <see cref="IRoomActor.ConfirmClientAsync"/>.</summary>
/// <param name="ClientId">The client the instance admitted.</param>
/// <param name="InstanceId">The instance it was registered on.</param>
/// <param name="Era">That instance's era at the register.</param>
public sealed record ConfirmClientArgs(string ClientId, string InstanceId, long Era);

/// <summary>Arguments of <see cref="IRoomActor.MoveAsync"/>.</summary>
/// <param name="FromInstance">Where the caller saw the room.</param>
/// <param name="FromEra">In which era of it.</param>
/// <param name="ToInstance">The live instance the room goes to.</param>
/// <param name="ToEra">That instance's current era.</param>
public sealed record MoveRoomArgs(string FromInstance, long FromEra, string ToInstance, long ToEra);

/// <summary>Arguments of <see cref="IRoomActor.RecordAsync"/>.</summary>
/// <param name="ClientId">The member who asked.</param>
/// <param name="On">Start (or join) the recording, or stop it.</param>
/// <param name="NewRecordingId">The id a recording started by this request gets.</param>
/// <param name="NewRecorderClientId">The client id of the recorder's hidden seat, should this request start one.</param>
/// <param name="Now">The caller's clock.</param>
public sealed record RecordArgs(string ClientId, bool On, string NewRecordingId, string NewRecorderClientId, DateTimeOffset Now);

/// <summary>Result of <see cref="IRoomActor.RecordAsync"/>.</summary>
/// <param name="Decision">started, joined, stopped, not_host, not_recording or not_member.</param>
/// <param name="RecordingId">The recording it concerns (started, joined, stopped).</param>
/// <param name="RecorderClientId">Its recorder's seat (started, stopped).</param>
/// <param name="Recipients">Who gets its link, the requester included (started, joined).</param>
/// <param name="InstanceId">Where the room lives (started).</param>
/// <param name="Era">In which era of it (started).</param>
/// <param name="Settings">What the room was created with (started).</param>
public sealed record RecordResult(
    string Decision,
    string? RecordingId = null,
    string? RecorderClientId = null,
    IReadOnlyList<string>? Recipients = null,
    string? InstanceId = null,
    long Era = 0,
    RoomSettings? Settings = null);

/// <summary>Names a recording of the room, by its id or by its recorder's seat.</summary>
/// <param name="RecordingId">The recording.</param>
/// <param name="RecorderClientId">Its recorder's client id.</param>
public sealed record RecordingArgs(string? RecordingId = null, string? RecorderClientId = null);

/// <summary>Result of <see cref="IRoomActor.EndRecordingAsync"/>.</summary>
/// <param name="RecordingId">The recording that ended, or null when none matched.</param>
public sealed record RecordingEnded(string? RecordingId);

/// <summary>One placement of a room: an instance and its era.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Era">Its era.</param>
public sealed record PlacementArgs(string InstanceId, long Era);

/// <summary>Where a room is (<see cref="IRoomActor.MoveAsync"/>, <see cref="IRoomActor.GetPlacementAsync"/>).</summary>
/// <param name="InstanceId">Its instance, or null when there is no room (or it ended).</param>
/// <param name="Era">The instance's era it was placed in.</param>
/// <param name="Placed">Every seat it holds was registered there after its last move.</param>
/// <param name="Moved">This call moved it (<see cref="IRoomActor.MoveAsync"/> only).</param>
public sealed record RoomPlacement(string? InstanceId, long Era, bool Placed, bool Moved = false);

/// <summary>Arguments of <see cref="IRoomActor.JoinAsync"/>.</summary>
/// <param name="ClientId">The new client.</param>
/// <param name="MaxClients">The server's client limit per room, pending seats included; a room created with a lower one keeps to that.</param>
/// <param name="Now">The caller's clock; pending seats older than it are free again.</param>
/// <param name="PendingUntil">When this seat frees itself unless confirmed.</param>
/// <param name="HeldClientId">A client id the caller already holds; while its seat is live, that seat is the answer (a reconnect takes no new seat).</param>
/// <param name="Name">The new client's display name (<see cref="MemberNames"/>); a held seat keeps its own.</param>
/// <param name="Key">The join key the caller showed, if any: none seats a new identity knocking, a wrong one seats nobody.</param>
public sealed record JoinRoomArgs(
    string ClientId,
    int MaxClients,
    DateTimeOffset Now,
    DateTimeOffset PendingUntil,
    string? HeldClientId = null,
    string Name = MemberNames.Default,
    string? Key = null);

/// <summary>Arguments of <see cref="IRoomActor.GetClientsAsync"/>.</summary>
/// <param name="Now">The caller's clock; pending seats older than it are left out.</param>
public sealed record ClientsArgs(DateTimeOffset Now);

/// <summary>Arguments of <see cref="IRoomActor.RemoveClientAsync"/> and <see cref="IRoomActor.RemoveClientUnlessLastAsync"/>.</summary>
/// <param name="ClientId">The client that left.</param>
/// <param name="Now">The caller's clock; pending seats older than it do not count as clients left behind.</param>
/// <param name="Bar">Keep the client's identity out of the room from now on (<see cref="DepartureReasons.Bars"/>).</param>
public sealed record RemoveClientArgs(string ClientId, DateTimeOffset Now, bool Bar = false);

/// <summary>Names one client of the room.</summary>
/// <param name="ClientId">The client.</param>
public sealed record ClientArgs(string ClientId);

/// <summary>How a join went.</summary>
public enum JoinRoomStatus
{
    /// <summary>A seat is reserved on <see cref="JoinRoomResult.InstanceId"/>.</summary>
    Joined,

    /// <summary>No such room.</summary>
    NotFound,

    /// <summary>The room is at its client limit.</summary>
    RoomFull,

    /// <summary>The held client id was removed or denied by a host: it never gets a seat again.</summary>
    Barred,

    /// <summary>The room's join window has closed: it seats no new identity.</summary>
    JoinWindowClosed,

    /// <summary>The room's host ended it.</summary>
    Ended,

    /// <summary>The join key shown is not the room's: a failed guess.</summary>
    WrongKey,
}

/// <summary>Result of <see cref="IRoomActor.JoinAsync"/>.</summary>
/// <param name="Status">How it went.</param>
/// <param name="InstanceId">The hosting instance when joined.</param>
/// <param name="ClientId">Whose seat it is when joined: the held client id, or the new one.</param>
/// <param name="Role">That client's role when joined (<see cref="RoomRoles"/>).</param>
/// <param name="Name">That client's display name when joined.</param>
/// <param name="Settings">What the room was created with, when joined.</param>
/// <param name="Knocking">The seat came without the join key: its socket waits in the lobby for a host.</param>
/// <param name="JoinKey">The room's join key, for its host only (the page of a host that reloads shows the invite link again).</param>
/// <param name="Era">The era of <paramref name="InstanceId"/> the room was placed in, when joined.</param>
/// <param name="Placed">Every seat was registered on that instance after the room's last move, when joined.</param>
public sealed record JoinRoomResult(
    JoinRoomStatus Status,
    string? InstanceId,
    string? ClientId = null,
    string? Role = null,
    string? Name = null,
    RoomSettings? Settings = null,
    bool Knocking = false,
    string? JoinKey = null,
    long Era = 0,
    bool Placed = true);

/// <summary>Result of <see cref="IRoomActor.ConfirmClientAsync"/>.</summary>
/// <param name="Confirmed">False when the seat had expired or the room is gone.</param>
public sealed record ConfirmClientResult(bool Confirmed);

/// <summary>How a removal went.</summary>
public enum RemoveClientStatus
{
    /// <summary>The client left; others remain.</summary>
    Removed,

    /// <summary>The client was not in the room (already removed): nothing changed.</summary>
    NotMember,

    /// <summary>No such room.</summary>
    NotFound,

    /// <summary>The client was the last one; the room deleted itself.</summary>
    RoomEnded,

    /// <summary>The client is the last one and was left in place (<see cref="IRoomActor.RemoveClientUnlessLastAsync"/> only).</summary>
    LastClient,
}

/// <summary>Result of <see cref="IRoomActor.RemoveClientAsync"/>.</summary>
/// <param name="Status">How it went.</param>
public sealed record RemoveClientResult(RemoveClientStatus Status);

/// <summary>A room as seen from outside, without client ids (they are credentials).</summary>
/// <param name="InstanceId">The hosting instance.</param>
/// <param name="ClientCount">Clients, pending seats included.</param>
/// <param name="CreatedAt">When the room was created.</param>
public sealed record RoomSnapshot(string InstanceId, int ClientCount, DateTimeOffset CreatedAt);

/// <summary>Result of <see cref="IRoomActor.GetAsync"/>.</summary>
/// <param name="Room">The room, or null when it does not exist.</param>
public sealed record RoomLookup(RoomSnapshot? Room);

/// <summary>Result of <see cref="IRoomActor.GetClientsAsync"/>.</summary>
/// <param name="InstanceId">The hosting instance, or null when the room does not exist.</param>
/// <param name="Clients">Clients with a live seat, admitted or pending, with their roles and names.</param>
/// <param name="Settings">What the room was created with, or null when it does not exist.</param>
/// <param name="Era">The era of <paramref name="InstanceId"/> the room was placed in.</param>
public sealed record RoomClients(string? InstanceId, IReadOnlyList<HostedClient> Clients, RoomSettings? Settings = null, long Era = 0);

/// <summary>Result of <see cref="IRoomActor.DeleteIfHostAsync"/>.</summary>
/// <param name="Deleted">False when there was no room, or another host's room.</param>
public sealed record DeleteRoomResult(bool Deleted);
