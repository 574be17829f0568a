using Microsoft.Extensions.Logging;

namespace AvatarStream.RoomRouter;

// Every log event of the room router. Client ids are logged shortened: the full id is a credential.
internal static partial class RouterLog
{
    [LoggerMessage(1, LogLevel.Information, "Room {RoomId} created on {InstanceId} for client {Client}")]
    public static partial void RoomCreated(ILogger logger, string roomId, string instanceId, string client);

    [LoggerMessage(2, LogLevel.Information, "Client {Client} joined room {RoomId} on {InstanceId}")]
    public static partial void ClientJoined(ILogger logger, string client, string roomId, string instanceId);

    [LoggerMessage(3, LogLevel.Warning, "Register of room {RoomId} on {InstanceId} failed: {Reason}")]
    public static partial void RegisterFailed(ILogger logger, string roomId, string instanceId, string reason);

    [LoggerMessage(4, LogLevel.Warning, "Evicted stream instance {InstanceId}; {Rooms} rooms move on their next join")]
    public static partial void InstanceEvicted(ILogger logger, string instanceId, int rooms);

    [LoggerMessage(5, LogLevel.Information, "Stream instance {InstanceId} announced at {StreamUrl}, era {Era}")]
    public static partial void InstanceAnnounced(ILogger logger, string instanceId, string streamUrl, long era);

    [LoggerMessage(15, LogLevel.Information, "Stream instance {InstanceId} is draining; its rooms move on their next join")]
    public static partial void InstanceDraining(ILogger logger, string instanceId);

    [LoggerMessage(16, LogLevel.Information, "Room {RoomId} moved from {FromInstance} (era {FromEra}) to {ToInstance} (era {ToEra})")]
    public static partial void RoomMoved(ILogger logger, string roomId, string fromInstance, long fromEra, string toInstance, long toEra);

    [LoggerMessage(17, LogLevel.Information, "Room {RoomId} expired: nobody came back to it while it waited to move off {InstanceId}")]
    public static partial void MovingRoomExpired(ILogger logger, string roomId, string instanceId);

    [LoggerMessage(18, LogLevel.Information, "Stream instance {InstanceId} announced with a new era {Era}; {Rooms} rooms of its earlier eras move on their next join")]
    public static partial void InstanceNewEra(ILogger logger, string instanceId, long era, int rooms);

    [LoggerMessage(6, LogLevel.Information, "Client {Client} left room {RoomId}: {Status}, barred = {Barred}")]
    public static partial void ClientRemoved(ILogger logger, string client, string roomId, string status, bool barred);

    [LoggerMessage(7, LogLevel.Error, "Rolling back room {RoomId} failed; its pending row will be settled by the repair")]
    public static partial void RollbackFailed(ILogger logger, Exception exception, string roomId);

    [LoggerMessage(8, LogLevel.Information, "Settled expired pending row of room {RoomId}: room exists = {Exists}")]
    public static partial void PendingSettled(ILogger logger, string roomId, bool exists);

    [LoggerMessage(9, LogLevel.Error, "Ledger repair pass failed")]
    public static partial void RepairFailed(ILogger logger, Exception exception);

    [LoggerMessage(10, LogLevel.Warning, "Reloading the {What} snapshot failed; keeping the previous one")]
    public static partial void SnapshotRefreshFailed(ILogger logger, Exception exception, string what);

    [LoggerMessage(11, LogLevel.Warning, "Giving back a seat in room {RoomId} failed; the seat frees itself at its deadline")]
    public static partial void SeatGiveBackFailed(ILogger logger, Exception exception, string roomId);

    [LoggerMessage(14, LogLevel.Information, "Room {RoomId} ended by its host; ledger row released = {Released}")]
    public static partial void RoomEnded(ILogger logger, string roomId, bool released);
}
