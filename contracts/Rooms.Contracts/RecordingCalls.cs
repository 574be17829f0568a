using System.Text.Json;

namespace AvatarStream.Contracts;

/// <summary>
/// A member's v2 <c>record {on}</c>, passed on by its stream instance to the room router (<c>POST /record-room</c>): the first
/// request starts the room's recording, later ones add the requester to its recipients, a host's <c>on: false</c> stops it.
/// </summary>
/// <param name="RoomId">Canonical 5-digit room id.</param>
/// <param name="ClientId">The member who asked.</param>
/// <param name="On">Start (or join the recipients of) the recording, or stop it.</param>
/// <param name="Email">Where the member wants the link mailed as well, if anywhere (a credential: never logged).</param>
public sealed record RecordRoomRequest(string RoomId, string ClientId, bool On, string? Email = null);

/// <summary>The room router's answer to <see cref="RecordRoomRequest"/>.</summary>
/// <param name="Recording">Whether the room is recording after the request.</param>
/// <param name="Error">When refused, the v2 error code to send the member (<see cref="ErrorCodes"/>).</param>
/// <param name="Message">When refused, why, in words.</param>
public sealed record RecordRoomResponse(bool Recording, string? Error = null, string? Message = null);

/// <summary>
/// The room router asks a stream instance (<c>POST /notify</c>) to send a v2 message to some members of a room, e.g.
/// <c>recording_ready</c> to a recording's recipients. Members not connected are skipped.
/// </summary>
/// <param name="RoomId">Canonical 5-digit room id.</param>
/// <param name="ClientIds">The members to tell.</param>
/// <param name="Message">The message, a JSON object with its <c>type</c>.</param>
public sealed record NotifyRequest(string RoomId, IReadOnlyList<string> ClientIds, JsonElement Message);

/// <summary>How many members a <see cref="NotifyRequest"/> reached.</summary>
/// <param name="Delivered">Members it was sent to.</param>
public sealed record NotifyReport(int Delivered);

/// <summary>The room router asks the recorder to record a room (<c>POST /recordings</c> on app-id <c>recorder</c>).</summary>
/// <param name="RecordingId">The recording's id (at least 128 random bits, base64url).</param>
/// <param name="RoomId">Canonical 5-digit room id.</param>
/// <param name="StreamUrl">The room's stream instance.</param>
/// <param name="Ticket">A one-time ticket for the recorder's hidden seat (role <see cref="RoomRoles.Recorder"/>).</param>
/// <param name="ClientId">The recorder seat's client id, for a new ticket after a move of the room.</param>
/// <param name="MaxDurationSeconds">The recording ends by itself after this long.</param>
public sealed record StartRecordingRequest(string RecordingId, string RoomId, string StreamUrl, string Ticket, string ClientId, int MaxDurationSeconds);

/// <summary>What the recorder knows of a recording (<c>GET /recordings/{id}</c> on the recorder).</summary>
/// <param name="RecordingId">The recording's id.</param>
/// <param name="State">One of <see cref="RecordingStates"/>.</param>
public sealed record RecordingStatus(string RecordingId, string State);

/// <summary>The recorder reports a recording that ended (<c>POST /recording-finished</c> on the room router).</summary>
/// <param name="RecordingId">The recording's id.</param>
/// <param name="RoomId">Its room.</param>
/// <param name="State"><see cref="RecordingStates.Ready"/> or <see cref="RecordingStates.Failed"/>.</param>
/// <param name="FileName">The file's name in the recordings binding, when ready.</param>
/// <param name="Size">The file's size in bytes, when ready.</param>
/// <param name="DurationSeconds">How long the recording lasts, when ready.</param>
/// <param name="Error">Why it failed, in words, when failed.</param>
public sealed record RecordingFinishedRequest(
    string RecordingId, string RoomId, string State, string? FileName = null, long Size = 0, double DurationSeconds = 0, string? Error = null);

/// <summary>The states of a recording.</summary>
public static class RecordingStates
{
    /// <summary>Asked for, the recorder joining or recording.</summary>
    public const string Recording = "recording";

    /// <summary>Stopped; the file is being written.</summary>
    public const string Finishing = "finishing";

    /// <summary>The file is stored and its link sent.</summary>
    public const string Ready = "ready";

    /// <summary>No file: the recorder failed or died, or storing failed. Never a broken file presented as good.</summary>
    public const string Failed = "failed";
}

/// <summary>
/// How a recording's file is kept in the recordings binding: in parts of at most <see cref="PartBytes"/> bytes, named
/// <c>{file}.0000</c>, <c>{file}.0001</c>, ..., so that no single binding call carries more than Dapr's default 4 MB message size.
/// </summary>
public static class RecordingFileParts
{
    /// <summary>The largest part.</summary>
    public const int PartBytes = 3 * 1024 * 1024;

    /// <summary>How many parts a file of <paramref name="size"/> bytes has.</summary>
    public static int Count(long size) => (int)Math.Max(1, (size + PartBytes - 1) / PartBytes);

    /// <summary>The name of part <paramref name="index"/> of <paramref name="file"/>.</summary>
    public static string Name(string file, int index) => $"{file}.{index.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)}";
}
