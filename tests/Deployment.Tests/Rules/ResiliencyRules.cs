using AvatarStream.Deployment.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace AvatarStream.Deployment.Tests.Rules;

// Every policy a target names is defined in the same Resiliency.
internal static class ResiliencyRules
{
    private static readonly (string TargetKey, string PolicySection)[] References =
    [
        ("timeout", "timeouts"),
        ("retry", "retries"),
        ("circuitBreaker", "circuitBreakers"),
    ];

    public static IEnumerable<string> Check(YamlMappingNode resiliency)
    {
        foreach (var group in new[] { "apps", "actors", "components" })
        {
            foreach (var target in resiliency.Keys("spec", "targets", group))
            {
                foreach (var (key, section) in References)
                {
                    if (resiliency.Str("spec", "targets", group, target, key) is { } policy
                        && !resiliency.Keys("spec", "policies", section).Contains(policy))
                    {
                        yield return $"target {group}.{target} names {key} '{policy}', which spec.policies.{section} does not define";
                    }
                }
            }
        }
    }

    // The app-ids whose invocations go through a circuit breaker.
    public static IEnumerable<string> AppsWithBreaker(YamlMappingNode resiliency) =>
        resiliency.Keys("spec", "targets", "apps").Where(app => resiliency.Str("spec", "targets", "apps", app, "circuitBreaker") is not null);
}
