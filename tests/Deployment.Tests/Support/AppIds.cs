using System.Globalization;
using AvatarStream.Contracts;
using AvatarStream.DevHost;

namespace AvatarStream.Deployment.Tests.Support;

// Maps an app-id back to its kind, from the names in DaprNames alone.
internal static class AppIds
{
    public static AppKind? KindOf(string appId) => appId switch
    {
        DaprNames.RoomRouter => AppKind.RoomRouter,
        DaprNames.IpUpdater => AppKind.IpUpdater,
        DaprNames.Recorder => AppKind.Recorder,
        _ when StreamNumber(appId) is not null => AppKind.Stream,
        _ => null,
    };

    // n when appId is exactly DaprNames.StreamAppId(n), else null.
    public static int? StreamNumber(string appId) =>
        appId.StartsWith(DaprNames.StreamAppIdPrefix, StringComparison.Ordinal)
        && int.TryParse(appId.AsSpan(DaprNames.StreamAppIdPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
        && n >= 1
        && DaprNames.StreamAppId(n) == appId
            ? n
            : null;

    public static IReadOnlyList<string> Streams(int count) => Enumerable.Range(1, count).Select(DaprNames.StreamAppId).ToArray();
}
