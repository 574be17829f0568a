using AvatarStream.RoomRouter.Options;
using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Ledger;

// Runs LedgerRepair every Rooms:RepairInterval.
internal sealed class LedgerRepairService(
    LedgerRepair repair,
    IOptions<RoomsOptions> options,
    TimeProvider clock,
    ILogger<LedgerRepairService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RepairInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await repair.RunOnceAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    RouterLog.RepairFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
