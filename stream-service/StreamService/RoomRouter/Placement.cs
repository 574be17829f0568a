using AvatarStream.StreamService.Core;

namespace AvatarStream.StreamService.RoomRouter;

// This process's boot id and the placement era the room router last answered put-task with. A register or placed room
// carries the era it was placed in and is refused in any other; when the era changes, the router has moved (or will
// move) every room held here, so they are dropped and their clients rejoin wherever the router places them now.
internal sealed class Placement(RoomRegistry registry, ILogger<Placement> logger)
{
    public const string MovedDescription = "room moved: rejoin";

    private readonly Lock _gate = new();
    private long? _era;

    // Random per process and the same in every put-task: another boot id tells the router the instance restarted.
    public string Boot { get; } = Guid.NewGuid().ToString("N");

    // Null until the router first answers.
    public long? Era
    {
        get
        {
            lock (_gate)
            {
                return _era;
            }
        }
    }

    // Takes the era of a put-task answer; a change from a known one drops every room.
    public void Observe(long era)
    {
        lock (_gate)
        {
            if (_era == era)
            {
                return;
            }

            var previous = _era;
            _era = era;
            if (previous is null)
            {
                return;
            }

            var dropped = registry.DropAll(MovedDescription);
            StreamLog.EraChanged(logger, previous.Value, era, dropped.Rooms);
        }
    }

    // Runs seat when era is the current one (null: any era) with no era change in between, so a register checked
    // against the old era can never seat a client after its rooms were dropped. False when the era is another.
    public bool TrySeat(long? era, Action seat)
    {
        lock (_gate)
        {
            if (era is { } placed && placed != _era)
            {
                return false;
            }

            seat();
            return true;
        }
    }
}
