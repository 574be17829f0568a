namespace AvatarStream.DevHost;

// How much the services and sidecars log. The framework's own lines (Microsoft.*, System.*) never go below Warning:
// below that they only repeat, once per app, what the status board says.
public static class ServiceLogging
{
    public static LogLevel? Parse(string text) => text.ToLowerInvariant() switch
    {
        "debug" => LogLevel.Debug,
        "info" or "information" => LogLevel.Information,
        "warn" or "warning" => LogLevel.Warning,
        "error" => LogLevel.Error,
        _ => null,
    };

    public static LogLevel Framework(LogLevel level) => level < LogLevel.Warning ? LogLevel.Warning : level;

    // Configuration keys as command-line arguments, so they outrank the app's appsettings and environment alike.
    public static IReadOnlyList<string> AppArguments(LogLevel level) =>
    [
        $"--Logging:LogLevel:Default={level}",
        $"--Logging:LogLevel:Microsoft={Framework(level)}",
        $"--Logging:LogLevel:System={Framework(level)}",
    ];

    // The sidecar's own --log-level already keeps Microsoft.* at Warning and above.
    public static IReadOnlyList<string> SidecarArguments(LogLevel level) =>
    [
        "--log-level",
        level switch
        {
            LogLevel.Debug or LogLevel.Trace => "debug",
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
