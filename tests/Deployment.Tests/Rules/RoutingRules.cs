using AvatarStream.Deployment.Tests.Support;

namespace AvatarStream.Deployment.Tests.Rules;

// Services select a Deployment and reach its ports; Ingress backends name Services and their ports; budgets select pods.
internal static class RoutingRules
{
    public static IEnumerable<string> CheckService(KubeObject s, IReadOnlyList<KubeObject> objects)
    {
        var target = SelectedDeployment(s, objects);
        if (target is null)
        {
            yield return $"{s}: spec.selector matches no Deployment's pod labels";
        }

        var ports = s.Root.Items("spec", "ports");
        if (ports.Count == 0)
        {
            yield return $"{s}: no ports";
        }

        foreach (var port in ports)
        {
            var targetPort = port.Str("targetPort") ?? port.Str("port");
            if (port.Int("port") is null)
            {
                yield return $"{s}: a port has no number";
            }
            else if (target is not null && !target.Containers.Any(c => WorkloadRules.NamesPort(c, targetPort)))
            {
                yield return $"{s}: targetPort '{targetPort}' is not a port of {target}";
            }
        }
    }

    public static KubeObject? SelectedDeployment(KubeObject service, IReadOnlyList<KubeObject> objects)
    {
        var selector = service.Root.StringMap("spec", "selector");
        return objects.OfKind("Deployment").FirstOrDefault(d => KubernetesRules.Selects(selector, d.PodLabels));
    }

    public static IEnumerable<string> CheckIngress(KubeObject i, IReadOnlyList<KubeObject> objects)
    {
        var rules = i.Root.Items("spec", "rules");
        if (rules.Count == 0)
        {
            yield return $"{i}: no rules";
        }

        var tlsHosts = i.Root.Items("spec", "tls").SelectMany(t => t.Strings("hosts")).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            var host = rule.Str("host");
            if (string.IsNullOrEmpty(host) || (tlsHosts.Count > 0 && !tlsHosts.Contains(host)))
            {
                yield return $"{i}: rule host '{host}' is empty or not covered by spec.tls";
            }

            var paths = rule.Items("http", "paths");
            if (paths.Count == 0)
            {
                yield return $"{i}: rule for '{host}' has no paths";
            }

            foreach (var path in paths)
            {
                foreach (var problem in CheckBackend(i, path, objects))
                {
                    yield return problem;
                }
            }
        }
    }

    private static IEnumerable<string> CheckBackend(KubeObject i, YamlDotNet.RepresentationModel.YamlNode path, IReadOnlyList<KubeObject> objects)
    {
        if (path.Str("path") is not { } p || !p.StartsWith('/') || path.Str("pathType") is not ("Exact" or "Prefix" or "ImplementationSpecific"))
        {
            yield return $"{i}: path '{path.Str("path")}' needs a leading / and a pathType";
        }

        var serviceName = path.Str("backend", "service", "name");
        var service = objects.OfKind("Service").FirstOrDefault(s => s.Name == serviceName);
        if (service is null)
        {
            yield return $"{i}: backend names Service '{serviceName}', which does not exist";
            yield break;
        }

        var portName = path.Str("backend", "service", "port", "name");
        var portNumber = path.Str("backend", "service", "port", "number");
        if (!service.Root.Items("spec", "ports").Any(sp => (portName is not null && sp.Str("name") == portName) || (portNumber is not null && sp.Str("port") == portNumber)))
        {
            yield return $"{i}: backend port '{portName ?? portNumber}' is not a port of Service '{serviceName}'";
        }
    }

    public static IEnumerable<string> CheckDisruptionBudget(KubeObject p, IReadOnlyList<KubeObject> objects)
    {
        var selector = p.Root.StringMap("spec", "selector", "matchLabels");
        if (!objects.OfKind("Deployment").Any(d => KubernetesRules.Selects(selector, d.PodLabels)))
        {
            yield return $"{p}: spec.selector matches no Deployment's pods";
        }

        if ((p.Root.At("spec", "minAvailable") is null) == (p.Root.At("spec", "maxUnavailable") is null))
        {
            yield return $"{p}: set exactly one of minAvailable and maxUnavailable";
        }
    }
}
