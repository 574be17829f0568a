using AvatarStream.Deployment.Tests.Support;
using AvatarStream.DevHost;
using YamlDotNet.RepresentationModel;

namespace AvatarStream.Deployment.Tests.Rules;

// tye.yaml: the same services, app ports and sidecar ports as the local topology, through the dapr extension.
internal static class TyeRules
{
    public static IReadOnlyList<string> Check(YamlMappingNode root, LocalTopology topology, string baseDir)
    {
        var problems = new List<string>();
        var dapr = root.Items("extensions").FirstOrDefault(e => e.Str("name") == "dapr");
        if (dapr is null)
        {
            return ["no dapr extension"];
        }

        if (!LocalRunRules.IsFolder(dapr.Str("components-path"), baseDir, Repo.Components))
        {
            problems.Add($"dapr components-path '{dapr.Str("components-path")}' is not components/");
        }

        var services = root.Items("services");
        var names = services.Select(s => s.Str("name")).ToArray();
        if (!names.SequenceEqual(topology.Apps.Select(a => a.AppId)))
        {
            problems.Add($"services are [{string.Join(", ", names)}], expected the local topology's app-ids");
        }

        foreach (var spec in topology.Apps)
        {
            if (services.FirstOrDefault(s => s.Str("name") == spec.AppId) is not { } service)
            {
                continue;
            }

            if (!LocalRunRules.IsProjectOf(service.Str("project"), baseDir, spec.Kind))
            {
                problems.Add($"{spec.AppId}: project '{service.Str("project")}' is not the {spec.Kind} project");
            }

            if (service.Items("bindings").Select(b => b.Int("port")).SingleOrDefault() != spec.AppPort)
            {
                problems.Add($"{spec.AppId}: binding port is not {spec.AppPort}");
            }

            var env = service.Items("env").ToDictionary(e => e.Str("name") ?? "", e => e.Str("value") ?? "", StringComparer.Ordinal);
            problems.AddRange(LocalRunRules.CheckStreamEnv(spec, env, "tye.yaml"));

            var sidecar = dapr.At("services", spec.AppId);
            if (sidecar.Str("app-id") != spec.AppId || sidecar.Int("http-port") != spec.SidecarHttpPort || sidecar.Int("grpc-port") != spec.SidecarGrpcPort)
            {
                problems.Add($"{spec.AppId}: dapr extension needs app-id {spec.AppId}, http-port {spec.SidecarHttpPort}, grpc-port {spec.SidecarGrpcPort}");
            }
        }

        return problems;
    }
}
