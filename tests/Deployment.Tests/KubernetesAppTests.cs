using AvatarStream.Contracts;
using AvatarStream.Deployment.Tests.Rules;
using AvatarStream.Deployment.Tests.Support;

namespace AvatarStream.Deployment.Tests;

// The Kubernetes workloads carry the app-ids, settings and routes the code expects.
public class KubernetesAppTests
{
    private static readonly IReadOnlyList<KubeObject> Applied = Manifests.Applied();

    [Fact]
    public void Deployments_AreRoomRouterIpUpdaterRecorderAndNumberedStreams_EachNamedAfterItsAppId()
    {
        var deployments = Applied.OfKind("Deployment").ToArray();
        var streamCount = StreamInstances.Deployments(Applied).Count();

        Assert.True(streamCount >= 1);
        var expected = new[] { DaprNames.RoomRouter, DaprNames.IpUpdater, DaprNames.Recorder }.Concat(AppIds.Streams(streamCount));
        Assert.Equal(expected.Order(StringComparer.Ordinal), deployments.Select(StreamInstances.AppIdOf).Order(StringComparer.Ordinal));
        Assert.All(deployments, d => Assert.Equal(StreamInstances.AppIdOf(d), d.Name));
    }

    [Fact]
    public void RoomRouter_RunsTwoReplicas_AndItsIngressPublishesOnlyThePageAndPublicApi()
    {
        var router = Applied.Named("Deployment", DaprNames.RoomRouter);
        Assert.Equal(2, router.Root.Int("spec", "replicas"));

        var paths = Applied.OfKind("Ingress")
            .SelectMany(i => i.Root.Items("spec", "rules"))
            .SelectMany(r => r.Items("http", "paths"))
            .Where(p => RoutingRules.SelectedDeployment(Applied.Named("Service", p.Str("backend", "service", "name") ?? ""), Applied) == router)
            .ToArray();
        Assert.Equal(["/", "/create-room", "/join-room", "/web/"], paths.Select(p => p.Str("path")).Order(StringComparer.Ordinal));
        // A "/" prefix would also publish /actors/..., /dapr/config and the internal calls; only the page's files
        // are published by prefix.
        Assert.All(paths, p => Assert.Equal(p.Str("path") == "/web/" ? "Prefix" : "Exact", p.Str("pathType")));
    }

    [Fact]
    public void EachStreamInstance_AnnouncesItsAppIdAndTheWebSocketUrlItsIngressServes()
    {
        foreach (var stream in StreamInstances.Deployments(Applied))
        {
            var env = StreamInstances.Env(stream);
            var host = Assert.Single(StreamInstances.PublicHosts(stream, Applied));

            Assert.Equal(StreamInstances.AppIdOf(stream), env[LocalRunRules.InstanceId]);
            Assert.Equal($"wss://{host}/", env[LocalRunRules.PublicUrl]);
        }
    }

    [Fact]
    public void StreamInstances_RunOnePodEach_AndLetTheServiceStopRoutingBeforeSocketsClose()
    {
        foreach (var stream in StreamInstances.Deployments(Applied))
        {
            Assert.Equal(1, stream.Root.Int("spec", "replicas"));
            Assert.Equal("Recreate", stream.Root.Str("spec", "strategy", "type"));
            var container = Assert.Single(stream.Containers);
            Assert.True(container.Int("lifecycle", "preStop", "sleep", "seconds") >= 5);
            Assert.True(WorkloadRules.GraceSeconds(stream) >= 60);
            Assert.True(stream.PodAnnotations.ContainsKey(DaprAnnotationRules.BlockShutdown));
        }
    }

    [Fact]
    public void IpUpdater_RunsOneReplica_BecauseTheCronBindingFiresOnEachReplica()
    {
        Assert.Equal(1, Applied.Named("Deployment", DaprNames.IpUpdater).Root.Int("spec", "replicas"));
    }

    [Fact]
    public void EveryPod_RunsAsTheServiceAccountAllowedToReadTheInternalToken()
    {
        var binding = Applied.OfKind("RoleBinding").Single(b => b.Root.Items("subjects").Any());
        var account = Assert.Single(binding.Root.Items("subjects")).Str("name");
        var role = Applied.Named("Role", binding.Root.Str("roleRef", "name") ?? "");

        Assert.Contains(Applied.OfKind("ServiceAccount"), a => a.Name == account);
        Assert.Contains(role.Root.Items("rules"), r =>
            r.Strings("resources").Contains("secrets") && r.Strings("verbs").Contains("get") && r.Strings("resourceNames").Contains(DaprNames.InternalTokenKey) && r.Strings("resourceNames").Contains(DaprNames.TicketKeyKey));
        Assert.All(Applied.OfKind("Deployment"), d => Assert.Equal(account, d.Root.Str("spec", "template", "spec", "serviceAccountName")));
    }

    [Fact]
    public void Configuration_NamedByThePods_TracesThroughOpenTelemetry()
    {
        var configuration = Assert.Single(Applied.OfKind("Configuration"));

        Assert.NotNull(configuration.Root.Str("spec", "tracing", "samplingRate"));
        Assert.NotNull(configuration.Root.Str("spec", "tracing", "otel", "endpointAddress"));
    }

    [Fact]
    public void ControlPlaneConfiguration_KeepsMutualTlsOn()
    {
        var system = Manifests.Everything().Named("Configuration", "daprsystem");

        Assert.Equal("dapr-system", system.Root.Str("metadata", "namespace"));
        Assert.Equal("true", system.Root.Str("spec", "mtls", "enabled"));
    }
}
