using AvatarStream.Deployment.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace AvatarStream.Deployment.Tests.Rules;

// A Deployment: selector, containers, probes on /healthz, resources, a grace period that covers preStop.
internal static class WorkloadRules
{
    public const string ProbePath = "/healthz";

    // Kubernetes' default when terminationGracePeriodSeconds is absent.
    private const int DefaultGraceSeconds = 30;

    public static IEnumerable<string> Check(KubeObject d)
    {
        var selector = d.Root.StringMap("spec", "selector", "matchLabels");
        if (!KubernetesRules.Selects(selector, d.PodLabels))
        {
            yield return $"{d}: spec.selector.matchLabels must be non-empty and match the pod template's labels";
        }

        if (d.Containers.Count == 0)
        {
            yield return $"{d}: no containers";
        }

        var grace = GraceSeconds(d);
        foreach (var c in d.Containers)
        {
            var name = c.Str("name");
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(c.Str("image")))
            {
                yield return $"{d}: every container needs a name and an image";
            }

            if (c.Items("ports").Count == 0 || c.Items("ports").Any(p => p.Int("containerPort") is null))
            {
                yield return $"{d}: container '{name}' must declare its containerPorts";
            }

            foreach (var probe in new[] { "readinessProbe", "livenessProbe" })
            {
                if (c.Str(probe, "httpGet", "path") != ProbePath)
                {
                    yield return $"{d}: container '{name}' {probe} must GET {ProbePath}";
                }
                else if (!NamesPort(c, c.Str(probe, "httpGet", "port")))
                {
                    yield return $"{d}: container '{name}' {probe} port '{c.Str(probe, "httpGet", "port")}' is not one of its ports";
                }
            }

            foreach (var part in new[] { "requests", "limits" })
            {
                foreach (var resource in new[] { "cpu", "memory" })
                {
                    if (string.IsNullOrEmpty(c.Str("resources", part, resource)))
                    {
                        yield return $"{d}: container '{name}' has no resources.{part}.{resource}";
                    }
                }
            }

            if (c.Int("lifecycle", "preStop", "sleep", "seconds") is { } sleep && sleep >= grace)
            {
                yield return $"{d}: container '{name}' preStop sleeps {sleep} s, not less than the {grace} s grace period";
            }
        }
    }

    public static int GraceSeconds(KubeObject d) => d.Root.Int("spec", "template", "spec", "terminationGracePeriodSeconds") ?? DefaultGraceSeconds;

    // True when port (a name or a number) is one of the container's ports.
    public static bool NamesPort(YamlNode container, string? port) =>
        port is not null && container.Items("ports").Any(p => p.Str("name") == port || p.Str("containerPort") == port);
}
