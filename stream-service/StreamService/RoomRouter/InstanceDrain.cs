using AvatarStream.Contracts;
using AvatarStream.StreamService.Core;
using Microsoft.Extensions.Options;

namespace AvatarStream.StreamService.RoomRouter;

// Takes this instance out of service without taking its rooms down: the heartbeat stops, the router stops placing rooms
// here (drain-instance), every socket closes with 1001 and a reason asking for a rejoin, and once they are closed the
// router evicts this boot of the instance, so each room moves on its next join. Runs once, when the host stops (before
// the sockets close) or on POST /drain; a later call waits for that one. The router calls are bounded and may fail: the
// router's sweep evicts an instance that went away anyway.
internal sealed class InstanceDrain(
    IRoomRouterClient router,
    RoomRegistry registry,
    Placement placement,
    AnnounceWorker announcer,
    IOptions<StreamOptions> streamOptions,
    IOptions<RelayOptions> relayOptions,
    RelayMetrics metrics,
    TimeProvider time,
    ILogger<InstanceDrain> logger) : IHostedLifecycleService
{
    public const string RejoinDescription = "instance draining: rejoin";

    private static readonly TimeSpan RouterCallTimeout = TimeSpan.FromSeconds(5);

    // The relay aborts a socket whose close handshake takes longer than its close timeout; this lets its loops end.
    private static readonly TimeSpan CloseMargin = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private Task<DrainReport>? _drain;

    public Task<DrainReport> DrainAsync()
    {
        lock (_gate)
        {
            return _drain ??= Task.Run(RunAsync);
        }
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => DrainAsync().WaitAsync(cancellationToken);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<DrainReport> RunAsync()
    {
        var instanceId = streamOptions.Value.InstanceId;
        metrics.Drained();
        StreamLog.Draining(logger, instanceId);

        // First, so that no put-task still on its way can announce the instance again after the router was told.
        await announcer.StopAsync(CancellationToken.None);
        await TellRouterAsync(InternalRoutes.DrainInstance, token => router.DrainInstanceAsync(new DrainInstanceRequest(instanceId, placement.Boot), token));

        var closed = registry.CloseAll(RejoinDescription);
        try
        {
            await registry.WhenNoConnectionsAsync().WaitAsync(relayOptions.Value.CloseTimeout + CloseMargin, time);
        }
        catch (TimeoutException)
        {
            StreamLog.DrainSocketsLingered(logger);
        }

        await TellRouterAsync(InternalRoutes.EvictInstance, token => router.EvictInstanceAsync(new EvictInstanceRequest(instanceId, placement.Boot), token));
        StreamLog.Drained(logger, closed.Rooms, closed.Sockets);
        return new DrainReport(closed.Rooms, closed.Sockets);
    }

    private async Task TellRouterAsync(string call, Func<CancellationToken, Task> send)
    {
        using var timeout = new CancellationTokenSource(RouterCallTimeout, time);
        try
        {
            await send(timeout.Token);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            StreamLog.DrainCallFailed(logger, call, exception.GetBaseException().Message);
        }
    }
}
