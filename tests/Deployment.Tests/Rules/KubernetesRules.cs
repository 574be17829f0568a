using AvatarStream.Deployment.Tests.Support;

namespace AvatarStream.Deployment.Tests.Rules;

// Every structural rule over a set of manifests, as a list of problems (empty = consistent). Rules return
// problems instead of asserting so the tests can also prove that a broken manifest is caught.
internal static class KubernetesRules
{
    public static IReadOnlyList<string> Check(IReadOnlyList<KubeObject> objects) =>
    [
        .. objects.SelectMany(ObjectRules.Check),
        .. objects.OfKind("Deployment").SelectMany(d => WorkloadRules.Check(d)),
        .. objects.OfKind("Deployment").SelectMany(d => DaprAnnotationRules.Check(d, objects)),
        .. objects.OfKind("Service").SelectMany(s => RoutingRules.CheckService(s, objects)),
        .. objects.OfKind("Ingress").SelectMany(i => RoutingRules.CheckIngress(i, objects)),
        .. objects.OfKind("PodDisruptionBudget").SelectMany(p => RoutingRules.CheckDisruptionBudget(p, objects)),
    ];

    public static bool Selects(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels) =>
        selector.Count > 0 && selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
