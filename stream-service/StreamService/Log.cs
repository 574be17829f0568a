namespace AvatarStream.StreamService;

internal static partial class Log
{
    [LoggerMessage(101, LogLevel.Information, "Announced instance {InstanceId} at {StreamUrl} to the room router")]
    public static partial void Announced(this ILogger logger, string instanceId, string streamUrl);

    [LoggerMessage(102, LogLevel.Warning, "put-task failed; attempt {Attempt} in {Delay}")]
    public static partial void PutTaskRetrying(this ILogger logger, int attempt, TimeSpan delay, Exception? exception);

    [LoggerMessage(103, LogLevel.Warning, "remove-client for {ClientTag} in room {RoomId} failed")]
    public static partial void RemoveClientFailed(this ILogger logger, string roomId, string clientTag, Exception exception);

    [LoggerMessage(105, LogLevel.Information, "WebSocket refused before upgrade: {Reason}")]
    public static partial void SocketRefused(this ILogger logger, string reason);
}
