using System.Globalization;
using System.Text.RegularExpressions;
using AvatarStream.Deployment.Tests.Support;

namespace AvatarStream.Deployment.Tests.Rules;

// The sidecar annotations of a Deployment agree with its container, the Configuration and its grace period.
internal static partial class DaprAnnotationRules
{
    public const string Enabled = "dapr.io/enabled";
    public const string AppId = "dapr.io/app-id";
    public const string AppPort = "dapr.io/app-port";
    public const string Config = "dapr.io/config";
    public const string ApiTokenSecret = "dapr.io/api-token-secret";
    public const string HealthCheckPath = "dapr.io/app-health-check-path";
    public const string BlockShutdown = "dapr.io/block-shutdown-duration";
    public const string GracefulShutdown = "dapr.io/graceful-shutdown-seconds";

    public static IEnumerable<string> Check(KubeObject d, IReadOnlyList<KubeObject> objects)
    {
        var a = d.PodAnnotations;
        if (a.GetValueOrDefault(Enabled) != "true")
        {
            yield return $"{d}: {Enabled} must be \"true\"";
        }

        if (AppIds.KindOf(a.GetValueOrDefault(AppId, "")) is null)
        {
            yield return $"{d}: {AppId} '{a.GetValueOrDefault(AppId)}' is none of the app-ids in DaprNames";
        }

        if (!d.Containers.Any(c => c.Items("ports").Any(p => p.Str("containerPort") == a.GetValueOrDefault(AppPort))))
        {
            yield return $"{d}: {AppPort} '{a.GetValueOrDefault(AppPort)}' is not a container port";
        }

        if (!objects.OfKind("Configuration").Any(c => c.Name == a.GetValueOrDefault(Config)))
        {
            yield return $"{d}: {Config} '{a.GetValueOrDefault(Config)}' names no Configuration in the same set";
        }

        if (string.IsNullOrEmpty(a.GetValueOrDefault(ApiTokenSecret)))
        {
            yield return $"{d}: no {ApiTokenSecret}";
        }

        if (a.TryGetValue(HealthCheckPath, out var health) && health != WorkloadRules.ProbePath)
        {
            yield return $"{d}: {HealthCheckPath} is '{health}', not {WorkloadRules.ProbePath}";
        }

        // The sidecar's blocked time plus its drain must end before the kubelet kills the pod.
        var sidecarSeconds = Seconds(a.GetValueOrDefault(BlockShutdown)) + Seconds(a.GetValueOrDefault(GracefulShutdown));
        if (sidecarSeconds >= WorkloadRules.GraceSeconds(d))
        {
            yield return $"{d}: the sidecar may take {sidecarSeconds} s to stop, not less than the {WorkloadRules.GraceSeconds(d)} s grace period";
        }
    }

    // "45s", "1m30s" or "10" (plain seconds) as seconds; absent is 0.
    public static int Seconds(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return 0;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var plain))
        {
            return plain;
        }

        var match = GoDuration().Match(value);
        Assert.True(match.Success, $"'{value}' is not a duration of whole minutes and seconds");
        return (match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) * 60 : 0)
            + (match.Groups["s"].Success ? int.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture) : 0);
    }

    [GeneratedRegex("^(?:(?<m>[0-9]+)m)?(?:(?<s>[0-9]+)s)?$")]
    private static partial Regex GoDuration();
}
