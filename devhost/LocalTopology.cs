using AvatarStream.Contracts;

namespace AvatarStream.DevHost;

// The apps of the local run and their fixed ports: room-router on 5000, stream-1.. on 5001.., ip-updater and recorder
// after the streams; sidecar HTTP ports from 3500 and gRPC ports from 50001 in the same order (as dapr.yaml has them).
public sealed record LocalTopology(IReadOnlyList<AppSpec> Apps)
{
    public const int FirstAppPort = 5000;
    public const int FirstSidecarHttpPort = 3500;
    public const int FirstSidecarGrpcPort = 50001;

    // The standard ports, or, with basePort, apps from it, sidecar HTTP from +100 and gRPC from +200.
    public static LocalTopology Create(int streams, int? basePort = null)
    {
        var (apps, http, grpc) = basePort is { } p ? (p, p + 100, p + 200) : (FirstAppPort, FirstSidecarHttpPort, FirstSidecarGrpcPort);
        var ids = new List<(string Id, AppKind Kind)> { (DaprNames.RoomRouter, AppKind.RoomRouter) };
        ids.AddRange(Enumerable.Range(1, streams).Select(n => (DaprNames.StreamAppId(n), AppKind.Stream)));
        ids.Add((DaprNames.IpUpdater, AppKind.IpUpdater));
        ids.Add((DaprNames.Recorder, AppKind.Recorder));
        return new LocalTopology(ids
            .Select((app, i) => new AppSpec(app.Id, app.Kind, apps + i, http + i, grpc + i) { RouterPort = apps })
            .ToArray());
    }

    // The order apps start in (and stop in, reversed): stream instances first, so no join-room reaches an instance of
    // the last run before it listens (a failed /register evicts the instance with its rooms); then the room
    // router; the IP updater and the recorder last, so the first sweep finds every instance up.
    public IReadOnlyList<AppSpec> StartOrder =>
        [.. Apps.OrderBy(app => app.Kind switch { AppKind.Stream => 0, AppKind.RoomRouter => 1, _ => 2 })];

    public AppSpec this[string appId] => Apps.Single(a => a.AppId == appId);

    // A random base port in [from, to) whose every port (apps, sidecar HTTP and gRPC) is free now.
    public static int FreeBasePort(int streams, int from, int to)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var candidate = Random.Shared.Next(from, to);
            if (Create(streams, candidate).Apps.SelectMany(a => new[] { a.AppPort, a.SidecarHttpPort, a.SidecarGrpcPort }).All(LoopbackPorts.IsFree))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"no free base port in {from}-{to} found in 50 tries");
    }
}
