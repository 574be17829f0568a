using System.Xml.Linq;
using AvatarStream.DevHost;

namespace AvatarStream.Deployment.Tests.Support;

// Which project each kind of app runs, and the container settings in that project.
internal static class ServiceProjects
{
    public static string DirectoryOf(AppKind kind) => kind switch
    {
        AppKind.RoomRouter => "room-router/RoomRouter",
        AppKind.Stream => "stream-service/StreamService",
        AppKind.IpUpdater => "ip-updater/IpUpdater",
        AppKind.Recorder => "recorder/Recorder",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string ProjectFile(AppKind kind) =>
        Repo.PathOf(Path.Combine(DirectoryOf(kind), Path.GetFileName(DirectoryOf(kind)) + ".csproj"));

    // A property as the project file spells it (null when absent): the container settings are literals.
    public static string? Property(AppKind kind, string name) =>
        XDocument.Load(ProjectFile(kind)).Descendants(name).Select(e => e.Value.Trim()).LastOrDefault();

    // The image a manifest should name for this kind: ContainerRepository:ContainerImageTag.
    public static string Image(AppKind kind) => $"{Property(kind, "ContainerRepository")}:{Property(kind, "ContainerImageTag")}";

    public static IReadOnlyList<AppKind> All { get; } = [AppKind.RoomRouter, AppKind.Stream, AppKind.IpUpdater, AppKind.Recorder];
}
