using AvatarStream.Deployment.Tests.Support;
using AvatarStream.DevHost;

namespace AvatarStream.Deployment.Tests.Rules;

// The environment each app of the local topology must get, whichever launcher starts it.
internal static class LocalRunRules
{
    public const string Urls = "ASPNETCORE_URLS";
    public const string InstanceId = "Stream__InstanceId";
    public const string PublicUrl = "Stream__PublicUrl";

    public static IEnumerable<string> CheckStreamEnv(AppSpec app, IReadOnlyDictionary<string, string> env, string where)
    {
        var expected = app.Kind == AppKind.Stream
            ? new Dictionary<string, string> { [InstanceId] = app.AppId, [PublicUrl] = app.StreamUrl }
            : [];
        foreach (var (key, value) in expected)
        {
            if (env.GetValueOrDefault(key) != value)
            {
                yield return $"{where} {app.AppId}: env {key} is '{env.GetValueOrDefault(key)}', expected '{value}'";
            }
        }

        if (app.Kind != AppKind.Stream && (env.ContainsKey(InstanceId) || env.ContainsKey(PublicUrl)))
        {
            yield return $"{where} {app.AppId}: only stream instances take Stream__ settings";
        }
    }

    // True when path (relative to baseDir) is the project folder or file of kind.
    public static bool IsProjectOf(string? path, string baseDir, AppKind kind)
    {
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        var full = Path.GetFullPath(Path.Combine(baseDir, path));
        var project = ServiceProjects.ProjectFile(kind);
        return File.Exists(project) && (full == project || full.TrimEnd(Path.DirectorySeparatorChar) == Path.GetDirectoryName(project));
    }

    public static bool IsFolder(string? path, string baseDir, string expected) =>
        path is not null
        && Path.GetFullPath(Path.Combine(baseDir, path)).TrimEnd(Path.DirectorySeparatorChar) == expected.TrimEnd(Path.DirectorySeparatorChar);
}
