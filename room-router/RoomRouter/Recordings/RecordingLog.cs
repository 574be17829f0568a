namespace AvatarStream.RoomRouter.Recordings;

// Log lines of recordings. Recording ids are capabilities only with a signed link, so they may be logged; client ids never.
internal static partial class RecordingLog
{
    [LoggerMessage(40, LogLevel.Information, "Recording {RecordingId} of room {RoomId} started")]
    public static partial void Started(ILogger logger, string recordingId, string roomId);

    [LoggerMessage(41, LogLevel.Warning, "Recording of room {RoomId} could not start: {Reason}")]
    public static partial void StartFailed(ILogger logger, string roomId, string reason);

    [LoggerMessage(42, LogLevel.Information, "Recording {RecordingId} stopped by a host")]
    public static partial void Stopped(ILogger logger, string recordingId);

    [LoggerMessage(43, LogLevel.Information, "Recording {RecordingId} finished: {State}, {Size} bytes, {Seconds} s")]
    public static partial void Finished(ILogger logger, string recordingId, string state, long size, double seconds);

    [LoggerMessage(44, LogLevel.Warning, "Recording {RecordingId} failed: its recorder left and does not know it")]
    public static partial void RecorderLost(ILogger logger, string recordingId);

    [LoggerMessage(46, LogLevel.Warning, "Mailing a recording link failed: {Reason}")]
    public static partial void MailFailed(ILogger logger, string reason);

    [LoggerMessage(45, LogLevel.Warning, "The recorder could not be reached ({Path}): {Reason}")]
    public static partial void RecorderUnreachable(ILogger logger, string path, string reason);
}
