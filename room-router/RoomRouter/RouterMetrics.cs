using System.Diagnostics.Metrics;
using AvatarStream.RoomRouter.Rooms;

namespace AvatarStream.RoomRouter;

// What the router counts: tickets given, requests refused (by reason), instances evicted.
internal sealed class RouterMetrics
{
    public const string MeterName = "AvatarStream.RoomRouter";

    private readonly Counter<long> _outcomes;
    private readonly Counter<long> _evictions;

    public RouterMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _outcomes = meter.CreateCounter<long>("avatarstream.router.requests", description: "create-room and join-room answers, by call and outcome");
        _evictions = meter.CreateCounter<long>("avatarstream.router.evictions", description: "Stream instances evicted");
    }

    public void Answered(string call, RoomOutcome outcome) =>
        _outcomes.Add(1, new KeyValuePair<string, object?>("call", call), new KeyValuePair<string, object?>("outcome", outcome.Failure.ToString()));

    public void InstanceEvicted() => _evictions.Add(1);
}
