using Microsoft.Extensions.Logging;

namespace AvatarStream.IpUpdater;

// Every log event of the IP updater.
internal static partial class SweepLog
{
    [LoggerMessage(1, LogLevel.Debug, "Sweep skipped: the previous one is still running")]
    public static partial void SweepSkipped(ILogger logger);

    [LoggerMessage(2, LogLevel.Warning, "Instance {InstanceId} failed its health probe ({Failures} in a row)")]
    public static partial void ProbeFailed(ILogger logger, string instanceId, int failures);

    [LoggerMessage(3, LogLevel.Warning, "Instance {InstanceId} evicted with its rooms and clients")]
    public static partial void Evicted(ILogger logger, string instanceId);
}
