using System.Text.RegularExpressions;
using AvatarStream.Deployment.Tests.Support;

namespace AvatarStream.Deployment.Tests.Rules;

// What every object needs, plus the Dapr kinds' own shape.
internal static partial class ObjectRules
{
    public static IEnumerable<string> Check(KubeObject o)
    {
        if (string.IsNullOrEmpty(o.ApiVersion))
        {
            yield return $"{o}: no apiVersion";
        }

        if (string.IsNullOrEmpty(o.Kind))
        {
            yield return $"{o}: no kind";
        }

        if (o.Name is null || !DnsLabel().IsMatch(o.Name))
        {
            yield return $"{o}: metadata.name '{o.Name}' is not a DNS label";
        }

        var more = o.Kind switch
        {
            "Component" => CheckComponent(o),
            "Resiliency" => ResiliencyRules.Check(o.Root).Select(p => $"{o}: {p}"),
            _ => [],
        };
        foreach (var problem in more)
        {
            yield return problem;
        }
    }

    private static IEnumerable<string> CheckComponent(KubeObject o)
    {
        if (o.ApiVersion != "dapr.io/v1alpha1")
        {
            yield return $"{o}: a Component is dapr.io/v1alpha1";
        }

        if (o.Root.Str("spec", "type") is not { } type || !type.Contains('.', StringComparison.Ordinal))
        {
            yield return $"{o}: spec.type must be <block>.<implementation>";
        }

        if (string.IsNullOrEmpty(o.Root.Str("spec", "version")))
        {
            yield return $"{o}: no spec.version";
        }

        foreach (var item in o.Root.Items("spec", "metadata"))
        {
            var sources = new[] { item.At("value"), item.At("secretKeyRef"), item.At("envRef") }.Count(n => n is not null);
            if (string.IsNullOrEmpty(item.Str("name")) || sources != 1)
            {
                yield return $"{o}: metadata item '{item.Str("name")}' needs a name and exactly one of value, secretKeyRef, envRef";
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
