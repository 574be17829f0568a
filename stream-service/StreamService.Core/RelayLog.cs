using Microsoft.Extensions.Logging;

namespace AvatarStream.StreamService.Core;

// Connection-level events only; nothing here is ever logged per frame.
internal static partial class RelayLog
{
    [LoggerMessage(1, LogLevel.Information, "Room {RoomId} created for client {ClientTag}")]
    public static partial void RoomCreated(ILogger logger, string roomId, string clientTag);

    [LoggerMessage(2, LogLevel.Debug, "Client {ClientTag} seated in room {RoomId}")]
    public static partial void ClientSeated(ILogger logger, string roomId, string clientTag);

    [LoggerMessage(3, LogLevel.Debug, "Client {ClientTag} connected to room {RoomId}")]
    public static partial void Connected(ILogger logger, string roomId, string clientTag);

    [LoggerMessage(4, LogLevel.Debug, "Client {ClientTag} left room {RoomId} ({Reason})")]
    public static partial void Disconnected(ILogger logger, string roomId, string clientTag, CloseReason reason);

    [LoggerMessage(5, LogLevel.Information, "Client {ClientTag} in room {RoomId} replaced by a newer connection")]
    public static partial void Replaced(ILogger logger, string roomId, string clientTag);

    [LoggerMessage(6, LogLevel.Warning, "Client {ClientTag} in room {RoomId} sent a message over {MaxBytes} bytes; closing")]
    public static partial void MessageTooBig(ILogger logger, string roomId, string clientTag, int maxBytes);

    [LoggerMessage(7, LogLevel.Warning, "Client {ClientTag} in room {RoomId} accepted nothing for {Timeout}; closing")]
    public static partial void ReceiverTooSlow(ILogger logger, string roomId, string clientTag, TimeSpan timeout);

    [LoggerMessage(8, LogLevel.Information, "Client {ClientTag} never connected to room {RoomId} within {Timeout}; dropped")]
    public static partial void ClaimExpired(ILogger logger, string roomId, string clientTag, TimeSpan timeout);

    [LoggerMessage(9, LogLevel.Information, "Room {RoomId} is empty; removed")]
    public static partial void RoomRemoved(ILogger logger, string roomId);

    [LoggerMessage(10, LogLevel.Information, "Shutting down: closing {Count} connections")]
    public static partial void ClosingAll(ILogger logger, int count);

    [LoggerMessage(11, LogLevel.Debug, "Connection of client {ClientTag} in room {RoomId} failed")]
    public static partial void ConnectionFailed(ILogger logger, string roomId, string clientTag, Exception exception);

    [LoggerMessage(12, LogLevel.Warning, "Client {ClientTag} in room {RoomId} let more than {Capacity} control messages queue up; closing")]
    public static partial void ControlBacklogOverflow(ILogger logger, string roomId, string clientTag, int capacity);

    [LoggerMessage(13, LogLevel.Information, "Room {RoomId} ended by a host")]
    public static partial void RoomEnded(ILogger logger, string roomId);

    [LoggerMessage(14, LogLevel.Warning, "Placement era changed: dropped {Rooms} rooms and closing {Count} connections; their clients rejoin")]
    public static partial void DroppedAll(ILogger logger, int rooms, int count);
}
