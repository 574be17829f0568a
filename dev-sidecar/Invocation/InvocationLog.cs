namespace AvatarStream.DevSidecar.Invocation;

internal static partial class InvocationLog
{
    [LoggerMessage(2001, LogLevel.Debug, "Invocation of {AppId}: instance {InstanceId} is unreachable, trying the next")]
    public static partial void InstanceUnreachable(ILogger logger, string appId, string instanceId, Exception exception);

    [LoggerMessage(2002, LogLevel.Warning, "Invocation of {AppId} failed: {Reason}")]
    public static partial void InvocationFailed(ILogger logger, string appId, string reason);

    [LoggerMessage(2003, LogLevel.Warning, "Invocation of {AppId} broke off after the response started")]
    public static partial void ResponseBroken(ILogger logger, string appId, Exception exception);
}
