namespace AvatarStream.StreamService;

internal static partial class Log
{
    [LoggerMessage(101, LogLevel.Information, "Announced instance {InstanceId} at {StreamUrl} to the room router")]
    public static partial void Announced(this ILogger logger, string instanceId, string streamUrl);

    [LoggerMessage(102, LogLevel.Warning, "{Call} to the room router failed; attempt {Attempt} in {Delay}")]
    public static partial void RouterCallRetrying(this ILogger logger, string call, int attempt, TimeSpan delay, Exception? exception);

    [LoggerMessage(103, LogLevel.Warning, "remove-client for {ClientTag} in room {RoomId} failed")]
    public static partial void RemoveClientFailed(this ILogger logger, string roomId, string clientTag, Exception exception);

    [LoggerMessage(104, LogLevel.Information, "Seated again {Clients} clients in {Rooms} rooms hosted here before the restart")]
    public static partial void Restored(this ILogger logger, int rooms, int clients);

    [LoggerMessage(105, LogLevel.Information, "WebSocket refused before upgrade: {Reason}")]
    public static partial void SocketRefused(this ILogger logger, string reason);

    [LoggerMessage(106, LogLevel.Warning, "Could not read the rooms hosted here before the restart; their clients must join again")]
    public static partial void RestoreFailed(this ILogger logger, Exception exception);

    [LoggerMessage(107, LogLevel.Warning, "Announcing the instance again failed; next try in {Interval}")]
    public static partial void ReannounceFailed(this ILogger logger, TimeSpan interval, Exception exception);
}
