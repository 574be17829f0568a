namespace AvatarStream.DevSidecar.Bindings;

internal static partial class BindingLog
{
    [LoggerMessage(4001, LogLevel.Error, "Cron binding {Name}: {Reason}; it will not fire")]
    public static partial void BadBinding(ILogger logger, string name, string reason);

    [LoggerMessage(4002, LogLevel.Information, "Cron binding {Name} fires POST {Route} on '{Schedule}'")]
    public static partial void Subscribed(ILogger logger, string name, string route, string schedule);

    [LoggerMessage(4003, LogLevel.Information, "Cron binding {Name}: the app does not serve {Route} (OPTIONS answered {Status}); it will not fire")]
    public static partial void NotSubscribed(ILogger logger, string name, string route, int status);

    [LoggerMessage(4004, LogLevel.Error, "Cron binding {Name}: POST {Route} answered {Status}")]
    public static partial void FireRejected(ILogger logger, string name, string route, int status);

    [LoggerMessage(4005, LogLevel.Error, "Cron binding {Name}: POST {Route} failed")]
    public static partial void FireFailed(ILogger logger, string name, string route, Exception exception);

    [LoggerMessage(4006, LogLevel.Debug, "Output binding {Name}: {Operation} {FileName}")]
    public static partial void Invoked(ILogger logger, string name, string operation, string fileName);

    [LoggerMessage(4007, LogLevel.Debug, "Output binding {Name}: {Operation} refused: {Reason}")]
    public static partial void InvocationFailed(ILogger logger, string name, string operation, string reason);

    [LoggerMessage(4008, LogLevel.Information, "smtp binding {Name}: message written to {File}")]
    public static partial void MailWritten(ILogger logger, string name, string file);

    [LoggerMessage(4009, LogLevel.Warning, "binding {Name} has type {Type}, which the development sidecar does not implement; calls to it fail")]
    public static partial void UnsupportedBinding(ILogger logger, string name, string type);
}
