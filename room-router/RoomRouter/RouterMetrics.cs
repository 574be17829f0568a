using System.Diagnostics.Metrics;
using AvatarStream.RoomRouter.Rooms;

namespace AvatarStream.RoomRouter;

// What the router counts: tickets given, requests refused (by reason), instances evicted, rate-limit refusals.
internal sealed class RouterMetrics
{
    public const string MeterName = "AvatarStream.RoomRouter";

    private readonly Counter<long> _outcomes;
    private readonly Counter<long> _evictions;
    private readonly Counter<long> _rateLimited;

    public RouterMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _outcomes = meter.CreateCounter<long>("avatarstream.router.requests", description: "create-room and join-room answers, by call and outcome");
        _evictions = meter.CreateCounter<long>("avatarstream.router.evictions", description: "Stream instances evicted");
        _rateLimited = meter.CreateCounter<long>("avatarstream.router.rate_limited", description: "Requests refused with 429 by a per-address limit, by limit");
    }

    public void Answered(string call, RoomOutcome outcome) =>
        _outcomes.Add(1, new KeyValuePair<string, object?>("call", call), new KeyValuePair<string, object?>("outcome", outcome.Failure.ToString()));

    public void InstanceEvicted() => _evictions.Add(1);

    public void RateLimited(string limit) => _rateLimited.Add(1, new KeyValuePair<string, object?>("limit", limit));
}
