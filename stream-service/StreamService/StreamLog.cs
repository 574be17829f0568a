namespace AvatarStream.StreamService;

internal static partial class StreamLog
{
    [LoggerMessage(101, LogLevel.Information, "Announced instance {InstanceId} at {StreamUrl} to the room router")]
    public static partial void Announced(ILogger logger, string instanceId, string streamUrl);

    // One line per retry: the router or a sidecar still starting is expected, and a stack trace per attempt hid the rest.
    [LoggerMessage(102, LogLevel.Warning, "{Call} to the room router failed ({Reason}); attempt {Attempt} in {Delay}")]
    public static partial void RouterCallRetrying(ILogger logger, string call, string reason, int attempt, TimeSpan delay);

    [LoggerMessage(103, LogLevel.Warning, "remove-client for {ClientTag} in room {RoomId} failed")]
    public static partial void RemoveClientFailed(ILogger logger, string roomId, string clientTag, Exception exception);

    [LoggerMessage(104, LogLevel.Information, "Seated again {Clients} clients in {Rooms} rooms hosted here before the restart")]
    public static partial void Restored(ILogger logger, int rooms, int clients);

    [LoggerMessage(105, LogLevel.Information, "WebSocket refused before upgrade: {Reason}")]
    public static partial void SocketRefused(ILogger logger, string reason);

    [LoggerMessage(106, LogLevel.Warning, "Could not read the rooms hosted here before the restart; their clients must join again")]
    public static partial void RestoreFailed(ILogger logger, Exception exception);

    [LoggerMessage(107, LogLevel.Warning, "Announcing the instance again failed; next try in {Interval}")]
    public static partial void ReannounceFailed(ILogger logger, TimeSpan interval, Exception exception);
}
