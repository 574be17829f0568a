namespace AvatarStream.StreamService;

internal static partial class StreamLog
{
    [LoggerMessage(101, LogLevel.Information, "Announced instance {InstanceId} at {StreamUrl} to the room router (era {Era})")]
    public static partial void Announced(ILogger logger, string instanceId, string streamUrl, long era);

    // One line per retry: the router or a sidecar still starting is expected, and a stack trace per attempt hid the rest.
    [LoggerMessage(102, LogLevel.Warning, "{Call} to the room router failed ({Reason}); attempt {Attempt} in {Delay}")]
    public static partial void RouterCallRetrying(ILogger logger, string call, string reason, int attempt, TimeSpan delay);

    [LoggerMessage(103, LogLevel.Warning, "remove-client for {ClientTag} in room {RoomId} failed")]
    public static partial void RemoveClientFailed(ILogger logger, string roomId, string clientTag, Exception exception);

    [LoggerMessage(105, LogLevel.Information, "WebSocket refused before upgrade: {Reason}")]
    public static partial void SocketRefused(ILogger logger, string reason);

    [LoggerMessage(107, LogLevel.Warning, "Announcing the instance again failed; next try in {Interval}")]
    public static partial void ReannounceFailed(ILogger logger, TimeSpan interval, Exception exception);

    [LoggerMessage(108, LogLevel.Warning, "Placement era changed from {Previous} to {Era}: dropped {Rooms} rooms, which the room router moves")]
    public static partial void EraChanged(ILogger logger, long previous, long era, int rooms);

    [LoggerMessage(109, LogLevel.Information, "Draining instance {InstanceId}: its rooms move to other instances")]
    public static partial void Draining(ILogger logger, string instanceId);

    // One line, no stack: when the whole system stops, the router is often gone first, and that is no fault.
    [LoggerMessage(110, LogLevel.Warning, "Draining: {Call} to the room router failed ({Reason}); its sweep evicts the instance instead")]
    public static partial void DrainCallFailed(ILogger logger, string call, string reason);

    [LoggerMessage(111, LogLevel.Warning, "Draining: sockets still open after the close timeout")]
    public static partial void DrainSocketsLingered(ILogger logger);

    [LoggerMessage(112, LogLevel.Information, "Drained: {Rooms} rooms left to move, {Sockets} sockets closed")]
    public static partial void Drained(ILogger logger, int rooms, int sockets);

    [LoggerMessage(113, LogLevel.Warning, "record-room for {ClientTag} in room {RoomId} failed; the member was told recording is unavailable")]
    public static partial void RecordRoomFailed(ILogger logger, string roomId, string clientTag, Exception exception);
}
