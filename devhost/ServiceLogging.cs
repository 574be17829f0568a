namespace AvatarStream.DevHost;

// How much the services and sidecars log. The framework's own lines (Microsoft.*, System.*) stay at Warning and above:
// below that they only repeat, once per app, what the status board says. Trace is the exception, everything at Trace
// (what a check that nothing secret reaches a log needs).
public static class ServiceLogging
{
    public static LogLevel? Parse(string text) => text.ToLowerInvariant() switch
    {
        "trace" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "info" or "information" => LogLevel.Information,
        "warn" or "warning" => LogLevel.Warning,
        "error" => LogLevel.Error,
        _ => null,
    };

    public static LogLevel Framework(LogLevel level) => level switch
    {
        LogLevel.Trace => LogLevel.Trace,
        < LogLevel.Warning => LogLevel.Warning,
        _ => level,
    };

    // Configuration keys as command-line arguments, so they outrank the app's appsettings and environment alike.
    public static IReadOnlyList<string> AppArguments(LogLevel level) =>
    [
        $"--Logging:LogLevel:Default={level}",
        $"--Logging:LogLevel:Microsoft={Framework(level)}",
        $"--Logging:LogLevel:System={Framework(level)}",
    ];

    // The sidecar's own --log-level already keeps Microsoft.* at Warning and above (but at trace).
    public static IReadOnlyList<string> SidecarArguments(LogLevel level) =>
    [
        "--log-level",
        level switch
        {
            LogLevel.Trace => "trace",
            LogLevel.Debug => "debug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            _ => "error",
        },
    ];

    public static void ConfigureSidecar(ILoggingBuilder logging, LogLevel level) => logging
        .SetMinimumLevel(level)
        .AddFilter("Microsoft", Framework(level))
        .AddFilter("System", Framework(level));
}
