using AvatarStream.Deployment.Tests.Support;
using AvatarStream.DevHost;
using YamlDotNet.RepresentationModel;

namespace AvatarStream.Deployment.Tests.Rules;

// dapr.yaml runs exactly the local topology: app-ids, ports, projects, env, components folder.
internal static class MultiAppRunRules
{
    public static IReadOnlyList<string> Check(YamlMappingNode root, LocalTopology topology, string baseDir)
    {
        var problems = new List<string>();
        if (root.Str("version") != "1")
        {
            problems.Add("version must be 1");
        }

        if (!LocalRunRules.IsFolder(root.Str("common", "resourcesPath"), baseDir, Repo.Components))
        {
            problems.Add($"common.resourcesPath '{root.Str("common", "resourcesPath")}' is not components/");
        }

        var apps = root.Items("apps");
        var ids = apps.Select(a => a.Str("appID")).ToArray();
        if (!ids.SequenceEqual(topology.Apps.Select(a => a.AppId)))
        {
            problems.Add($"apps are [{string.Join(", ", ids)}], expected [{string.Join(", ", topology.Apps.Select(a => a.AppId))}]");
        }

        foreach (var spec in topology.Apps)
        {
            var app = apps.FirstOrDefault(a => a.Str("appID") == spec.AppId);
            if (app is not null)
            {
                problems.AddRange(CheckApp(app, spec, baseDir));
            }
        }

        return problems;
    }

    private static IEnumerable<string> CheckApp(YamlNode app, AppSpec spec, string baseDir)
    {
        foreach (var (field, expected) in new[] { ("appPort", spec.AppPort), ("daprHTTPPort", spec.SidecarHttpPort), ("daprGRPCPort", spec.SidecarGrpcPort) })
        {
            if (app.Int(field) != expected)
            {
                yield return $"{spec.AppId}: {field} is {app.Str(field)}, expected {expected}";
            }
        }

        var appDir = app.Str("appDirPath");
        if (appDir is null || !Directory.Exists(Path.Combine(baseDir, appDir)))
        {
            yield return $"{spec.AppId}: appDirPath '{appDir}' is not a folder";
            yield break;
        }

        var command = app.Strings("command");
        var project = command.SkipWhile(arg => arg != "--project").Skip(1).FirstOrDefault();
        if (command.Take(2).SequenceEqual(["dotnet", "run"]) is false || !LocalRunRules.IsProjectOf(project, Path.Combine(baseDir, appDir), spec.Kind))
        {
            yield return $"{spec.AppId}: command [{string.Join(' ', command)}] does not `dotnet run --project` the {spec.Kind} project";
        }

        var env = app.StringMap("env");
        if (env.GetValueOrDefault(LocalRunRules.Urls) != spec.AppUrl)
        {
            yield return $"{spec.AppId}: env {LocalRunRules.Urls} is '{env.GetValueOrDefault(LocalRunRules.Urls)}', expected '{spec.AppUrl}'";
        }

        foreach (var problem in LocalRunRules.CheckStreamEnv(spec, env, "dapr.yaml"))
        {
            yield return problem;
        }
    }
}
