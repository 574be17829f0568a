using Microsoft.Extensions.Logging;

namespace AvatarStream.ServiceDefaults;

// Every log event of the shared service defaults. Their ids start at 9001 to stay clear of each service's own.
internal static partial class ServiceDefaultsLog
{
    [LoggerMessage(9001, LogLevel.Warning, "Internal call to {Path} rejected: missing or wrong token")]
    public static partial void InternalCallRejected(ILogger logger, string path);

    [LoggerMessage(9002, LogLevel.Error, "Reading the internal token from the secret store failed")]
    public static partial void InternalTokenUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(9003, LogLevel.Warning, "A dependency (sidecar, state store, secret store or actor) failed on {Path}")]
    public static partial void DependencyFailed(ILogger logger, Exception exception, string path);
}
