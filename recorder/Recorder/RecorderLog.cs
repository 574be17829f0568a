namespace AvatarStream.Recorder;

// Log lines of the recorder. Tickets and client ids never appear; recording ids are worthless without a signed link.
internal static partial class RecorderLog
{
    [LoggerMessage(1, LogLevel.Information, "Recording {RecordingId} of room {RoomId} started")]
    public static partial void Started(ILogger logger, string recordingId, string roomId);

    [LoggerMessage(2, LogLevel.Information, "Recording {RecordingId} stored: {Size} bytes, {Seconds} s")]
    public static partial void Stored(ILogger logger, string recordingId, long size, double seconds);

    [LoggerMessage(3, LogLevel.Warning, "Recording {RecordingId} failed: {Reason}")]
    public static partial void Failed(ILogger logger, string recordingId, string reason);

    [LoggerMessage(4, LogLevel.Warning, "Reporting recording {RecordingId} to the room router failed (attempt {Attempt}): {Reason}")]
    public static partial void ReportRetry(ILogger logger, string recordingId, int attempt, string reason);

    [LoggerMessage(5, LogLevel.Warning, "Refused recording of room {RoomId}: {Running} recordings running, the most this recorder takes")]
    public static partial void Full(ILogger logger, string roomId, int running);
}
