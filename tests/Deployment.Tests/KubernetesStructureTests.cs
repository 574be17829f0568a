using AvatarStream.Deployment.Tests.Rules;
using AvatarStream.Deployment.Tests.Support;

namespace AvatarStream.Deployment.Tests;

public class KubernetesStructureTests
{
    [Fact]
    public void AppliedManifests_PassEveryStructuralRule()
    {
        Assert.Empty(KubernetesRules.Check(Manifests.Applied()));
    }

    [Fact]
    public void EveryManifestUnderDeploy_HasApiVersionKindAndName()
    {
        var everything = Manifests.Everything();

        Assert.NotEmpty(everything);
        Assert.Empty(everything.SelectMany(ObjectRules.Check));
    }

    [Theory]
    [InlineData("room-router.yaml", "path: /healthz", "path: /health", "readinessProbe must GET /healthz")]
    [InlineData("room-router.yaml", "dapr.io/app-port: \"8080\"", "dapr.io/app-port: \"8081\"", "dapr.io/app-port '8081' is not a container port")]
    [InlineData("room-router.yaml", "dapr.io/config: avatarstream", "dapr.io/config: missing", "names no Configuration")]
    [InlineData("room-router.yaml", "targetPort: http", "targetPort: https", "targetPort 'https' is not a port")]
    [InlineData("room-router.yaml", "minAvailable: 1", "minAvailable: 1\n  maxUnavailable: 1", "exactly one of minAvailable")]
    [InlineData("room-router.yaml", "memory: 512Mi", "other: 512Mi", "resources.limits.memory")]
    [InlineData("ip-updater.yaml", "app.kubernetes.io/name: ip-updater\n  template", "app.kubernetes.io/name: ip-updater-x\n  template", "selector.matchLabels")]
    [InlineData("ingress.yaml", "name: room-router\n                port", "name: room-routr\n                port", "Service 'room-routr', which does not exist")]
    [InlineData("streams-pdb.yaml", "app.kubernetes.io/component: stream", "app.kubernetes.io/component: streams", "matches no Deployment")]
    [InlineData("streams.yaml", "seconds: 10", "seconds: 60", "preStop sleeps 60 s")]
    [InlineData("streams.yaml", "dapr.io/block-shutdown-duration: 45s", "dapr.io/block-shutdown-duration: 55s", "the sidecar may take 65 s")]
    [InlineData("dapr/statestore.yaml", "value: \"true\"", "value: \"true\"\n      envRef: X", "exactly one of value, secretKeyRef, envRef")]
    [InlineData("dapr/resiliency.yaml", "retry: routerRetry", "retry: routerRetries", "'routerRetries', which spec.policies.retries does not define")]
    public void ABrokenManifest_IsCaught(string file, string from, string to, string expectedProblem)
    {
        var problems = KubernetesRules.Check(AppliedWithEdit(file, from, to));

        Assert.Contains(problems, p => p.Contains(expectedProblem, StringComparison.Ordinal));
    }

    // The applied manifests with one text edit in one file; the edit must apply, or the test proves nothing.
    private static IReadOnlyList<KubeObject> AppliedWithEdit(string file, string from, string to)
    {
        var path = Path.Combine(Repo.Kubernetes, file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        var source = Path.GetRelativePath(Repo.Root, path);
        return [.. Manifests.Applied().Where(o => o.Source != source), .. Manifests.FromText(text.Replace(from, to, StringComparison.Ordinal), source)];
    }
}
