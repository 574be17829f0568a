using Microsoft.Extensions.Logging;

namespace AvatarStream.StreamService.Core;

// What every connection of one registry shares.
internal sealed class RelayContext(RelayOptions options, MessagePool pool, RelayMetrics metrics, TimeProvider time, ILogger logger)
{
    public RelayOptions Options => options;

    public MessagePool Pool => pool;

    public RelayMetrics Metrics => metrics;

    public TimeProvider Time => time;

    public ILogger Logger => logger;
}
