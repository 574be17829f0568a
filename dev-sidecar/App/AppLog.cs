namespace AvatarStream.DevSidecar.App;

internal static partial class AppLog
{
    [LoggerMessage(1001, LogLevel.Information, "Waiting for the app on {Endpoint}")]
    public static partial void WaitingForApp(ILogger logger, Uri endpoint);

    [LoggerMessage(1002, LogLevel.Information, "App {AppId} is up; actor types: [{ActorTypes}]")]
    public static partial void AppReady(ILogger logger, string appId, string actorTypes);

    [LoggerMessage(1003, LogLevel.Information, "GET /dapr/config answered {Status}; the app hosts no actors")]
    public static partial void NoActorConfig(ILogger logger, int status);

    [LoggerMessage(1004, LogLevel.Warning, "The app's /dapr/config could not be read; the app hosts no actors")]
    public static partial void BadActorConfig(ILogger logger, Exception exception);

    [LoggerMessage(1005, LogLevel.Warning, "Could not renew the registration of {AppId} in the app directory")]
    public static partial void HeartbeatFailed(ILogger logger, string appId, Exception exception);

    [LoggerMessage(1006, LogLevel.Warning, "Could not remove the registration of {AppId} from the app directory")]
    public static partial void UnregisterFailed(ILogger logger, string appId, Exception exception);

    [LoggerMessage(1007, LogLevel.Debug, "The app on {Endpoint} does not answer yet ({Attempt} attempts)")]
    public static partial void AppNotUp(ILogger logger, Uri endpoint, int attempt);
}
