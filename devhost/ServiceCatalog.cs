using AvatarStream.IpUpdater;
using AvatarStream.Recorder;
using AvatarStream.RoomRouter;
using AvatarStream.StreamService;

namespace AvatarStream.DevHost;

// How the local run builds each kind of service in-process, and which assembly runs it as a process.
public static class ServiceCatalog
{
    public static WebApplication Build(AppKind kind, string[] args) => kind switch
    {
        AppKind.RoomRouter => RoomRouterApp.Build(args),
        AppKind.Stream => StreamServiceApp.Build(args),
        AppKind.IpUpdater => IpUpdaterApp.Build(args),
        AppKind.Recorder => RecorderApp.Build(args),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string AssemblyOf(AppKind kind) => kind switch
    {
        AppKind.RoomRouter => "RoomRouter",
        AppKind.Stream => "StreamService",
        AppKind.IpUpdater => "IpUpdater",
        AppKind.Recorder => "Recorder",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
