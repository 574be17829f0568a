using AvatarStream.Deployment.Tests.Rules;
using AvatarStream.DevHost;

namespace AvatarStream.Deployment.Tests.Support;

// How a stream Deployment is reached from outside: the Ingress host of the Service that selects it.
internal static class StreamInstances
{
    public static IEnumerable<KubeObject> Deployments(IReadOnlyList<KubeObject> objects) =>
        objects.OfKind("Deployment").Where(d => AppIds.KindOf(AppIdOf(d)) == AppKind.Stream);

    public static string AppIdOf(KubeObject deployment) => deployment.PodAnnotations.GetValueOrDefault(DaprAnnotationRules.AppId, "");

    public static IReadOnlyDictionary<string, string> Env(KubeObject deployment) =>
        deployment.Containers.SelectMany(c => c.Items("env"))
            .ToDictionary(e => e.Str("name") ?? "", e => e.Str("value") ?? "", StringComparer.Ordinal);

    // The hosts whose "/" path reaches deployment through an Ingress and a Service.
    public static IReadOnlyList<string> PublicHosts(KubeObject deployment, IReadOnlyList<KubeObject> objects)
    {
        var services = objects.OfKind("Service")
            .Where(s => RoutingRules.SelectedDeployment(s, objects) == deployment)
            .Select(s => s.Name)
            .ToHashSet(StringComparer.Ordinal);
        return objects.OfKind("Ingress")
            .SelectMany(i => i.Root.Items("spec", "rules"))
            .Where(rule => rule.Items("http", "paths").Any(p => p.Str("path") == "/" && services.Contains(p.Str("backend", "service", "name"))))
            .Select(rule => rule.Str("host") ?? "")
            .ToArray();
    }
}
