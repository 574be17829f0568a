using AvatarStream.RoomRouter.Rooms;

namespace AvatarStream.RoomRouter.Ledger;

// Settles pending ledger rows whose holder never finished (a router died half-way): the room actor's state is the
// truth, so a row whose room exists is committed and a row whose room does not is dropped. Safe on every replica
// at once: each settle is a compare-and-swap that checks the row is still the expired one.
internal sealed class LedgerRepair(RoomLedger ledger, IRoomActors actors, TimeProvider clock, ILogger<LedgerRepair> logger)
{
    // One pass; returns how many rows it settled.
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settled = 0;
        foreach (var expired in await ledger.ExpiredPendingAsync(clock.GetUtcNow(), cancellationToken))
        {
            var lookup = await actors.Get(expired.RoomId.ToString()).GetAsync();
            var exists = lookup.Room is not null;
            if (await ledger.SettleAsync(expired, exists, cancellationToken))
            {
                settled++;
                RouterLog.PendingSettled(logger, expired.RoomId.ToString(), exists);
            }
        }

        return settled;
    }
}
