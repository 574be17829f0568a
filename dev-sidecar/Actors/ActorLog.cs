namespace AvatarStream.DevSidecar.Actors;

internal static partial class ActorLog
{
    [LoggerMessage(3001, LogLevel.Warning, "Reminder {Name} of {ActorType}/{ActorId} failed to fire")]
    public static partial void ReminderFailed(ILogger logger, string actorType, string actorId, string name, Exception exception);

    [LoggerMessage(3002, LogLevel.Warning, "Reminder {Name} of {ActorType}/{ActorId}: the app answered {Status}")]
    public static partial void ReminderRejected(ILogger logger, string actorType, string actorId, string name, int status);

    [LoggerMessage(3003, LogLevel.Warning, "Timer {Name} of {ActorType}/{ActorId} failed to fire")]
    public static partial void TimerFailed(ILogger logger, string actorType, string actorId, string name, Exception exception);

    [LoggerMessage(3004, LogLevel.Warning, "Deactivating {ActorType}/{ActorId} failed")]
    public static partial void DeactivationFailed(ILogger logger, string actorType, string actorId, Exception exception);

    [LoggerMessage(3005, LogLevel.Debug, "Deactivated idle actor {ActorType}/{ActorId}")]
    public static partial void Deactivated(ILogger logger, string actorType, string actorId);

    [LoggerMessage(3006, LogLevel.Warning, "The reminder scan failed")]
    public static partial void ReminderScanFailed(ILogger logger, Exception exception);
}
