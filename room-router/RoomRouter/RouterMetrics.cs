using System.Diagnostics.Metrics;
using AvatarStream.RoomRouter.Rooms;

namespace AvatarStream.RoomRouter;

/// <summary>What the router counts: tickets given, requests refused (by reason), instances evicted.</summary>
internal sealed class RouterMetrics
{
    public const string MeterName = "AvatarStream.RoomRouter";

    readonly Counter<long> outcomes;
    readonly Counter<long> evictions;

    public RouterMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        outcomes = meter.CreateCounter<long>("avatarstream.router.requests", description: "create-room and join-room answers, by call and outcome");
        evictions = meter.CreateCounter<long>("avatarstream.router.evictions", description: "Stream instances evicted");
    }

    public void Answered(string call, RoomOutcome outcome) =>
        outcomes.Add(1, new KeyValuePair<string, object?>("call", call), new KeyValuePair<string, object?>("outcome", outcome.Failure.ToString()));

    public void InstanceEvicted() => evictions.Add(1);
}
