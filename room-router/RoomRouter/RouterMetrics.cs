using System.Diagnostics.Metrics;
using AvatarStream.RoomRouter.Rooms;

namespace AvatarStream.RoomRouter;

// What the router counts: tickets given, requests refused (by reason), instances evicted and drained, rooms moved off
// them and how long each waited for its first member back, moving rooms that expired, rate-limit refusals.
internal sealed class RouterMetrics
{
    public const string MeterName = "AvatarStream.RoomRouter";

    private readonly Counter<long> _outcomes;
    private readonly Counter<long> _evictions;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _drains;
    private readonly Counter<long> _roomsMoved;
    private readonly Counter<long> _roomsExpired;
    private readonly Histogram<double> _moveWait;

    public RouterMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _outcomes = meter.CreateCounter<long>("avatarstream.router.requests", description: "create-room and join-room answers, by call and outcome");
        _evictions = meter.CreateCounter<long>("avatarstream.router.evictions", description: "Stream instances evicted");
        _rateLimited = meter.CreateCounter<long>("avatarstream.router.rate_limited", description: "Requests refused with 429 by a per-address limit, by limit");
        _drains = meter.CreateCounter<long>("avatarstream.router.drains", description: "Stream instances that began draining");
        _roomsMoved = meter.CreateCounter<long>("avatarstream.router.rooms_moved", description: "Rooms moved off a dead, drained or restarted stream instance");
        _roomsExpired = meter.CreateCounter<long>("avatarstream.router.rooms_expired", description: "Moving rooms that nobody came back to before Rooms:MoveTimeout");
        _moveWait = meter.CreateHistogram<double>(
            "avatarstream.router.move_wait",
            unit: "s",
            description: "Time from a stream instance's eviction (or drain) to the join of a room's first member back, which moves the room");
    }

    public void Answered(string call, RoomOutcome outcome) =>
        _outcomes.Add(1, new KeyValuePair<string, object?>("call", call), new KeyValuePair<string, object?>("outcome", outcome.Failure.ToString()));

    public void InstanceEvicted() => _evictions.Add(1);

    public void Draining() => _drains.Add(1);

    public void RoomMoved(TimeSpan? sinceEraEnded)
    {
        _roomsMoved.Add(1);
        if (sinceEraEnded is { } wait)
        {
            _moveWait.Record(wait.TotalSeconds);
        }
    }

    public void MovingRoomExpired() => _roomsExpired.Add(1);

    public void RateLimited(string limit) => _rateLimited.Add(1, new KeyValuePair<string, object?>("limit", limit));
}
