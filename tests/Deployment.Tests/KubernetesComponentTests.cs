using AvatarStream.Contracts;
using AvatarStream.Deployment.Tests.Rules;
using AvatarStream.Deployment.Tests.Support;

namespace AvatarStream.Deployment.Tests;

// The cluster's Dapr components and secrets use the names in DaprNames, and every secret they read exists.
public class KubernetesComponentTests
{
    private static readonly IReadOnlyList<KubeObject> Applied = Manifests.Applied();

    // The placeholder Secrets in deploy/kubernetes/secrets: the shape the real ones must have.
    private static readonly IReadOnlyList<KubeObject> ExampleSecrets = Manifests.Everything().OfKind("Secret").ToArray();

    [Fact]
    public void StateStore_IsRedisActorStore_ReadingItsPasswordFromAKubernetesSecret()
    {
        var store = Applied.Named("Component", DaprNames.StateStore);
        var password = store.Root.Items("spec", "metadata").Single(m => m.Str("name") == "redisPassword");

        Assert.Equal("state.redis", store.Root.Str("spec", "type"));
        Assert.Equal("true", LocalComponentsTests.Metadata(store, "actorStateStore"));
        Assert.Equal([DaprNames.RoomRouter], store.Root.Strings("scopes"));
        Assert.Equal("kubernetes", store.Root.Str("auth", "secretStore"));
        AssertExampleSecretHasKey(password.Str("secretKeyRef", "name"), password.Str("secretKeyRef", "key"));
    }

    [Fact]
    public void SecretStore_IsTheKubernetesStore_UnderTheNameTheCodeReads_AndTheTokenSecretMatchesIt()
    {
        var store = Applied.Named("Component", DaprNames.SecretStore);

        Assert.Equal("secretstores.kubernetes", store.Root.Str("spec", "type"));
        // Unscoped: room-router, every stream-N and ip-updater all read the token.
        Assert.Empty(store.Root.Strings("scopes"));
        // The Kubernetes store answers GetSecret(key) with the keys of the Secret named key.
        AssertExampleSecretHasKey(DaprNames.InternalTokenKey, DaprNames.InternalTokenKey);
        AssertExampleSecretHasKey(DaprNames.TicketKeyKey, DaprNames.TicketKeyKey);
    }

    [Fact]
    public void ApiTokenSecret_NamedByEveryPod_HoldsTheTokenKeyTheInjectorReads()
    {
        var names = Applied.OfKind("Deployment").Select(d => d.PodAnnotations.GetValueOrDefault(DaprAnnotationRules.ApiTokenSecret)).Distinct().ToArray();

        AssertExampleSecretHasKey(Assert.Single(names), "token");
    }

    [Fact]
    public void InstanceSweep_IsHourlyCronInput_ScopedToIpUpdater()
    {
        var sweep = Applied.Named("Component", DaprNames.InstanceSweepBinding);

        Assert.Equal("bindings.cron", sweep.Root.Str("spec", "type"));
        Assert.Equal("@every 1h", LocalComponentsTests.Metadata(sweep, "schedule"));
        Assert.Equal([DaprNames.IpUpdater], sweep.Root.Strings("scopes"));
    }

    [Fact]
    public void Resiliency_BreaksCircuitsOnEveryDeployedStreamInstance_AndCoversRoomRouter()
    {
        var resiliencies = Applied.OfKind("Resiliency").ToArray();
        var breakers = resiliencies.SelectMany(r => ResiliencyRules.AppsWithBreaker(r.Root)).ToHashSet(StringComparer.Ordinal);

        Assert.All(StreamInstances.Deployments(Applied), s => Assert.Contains(StreamInstances.AppIdOf(s), breakers));
        Assert.Contains(resiliencies, r => r.Root.Keys("spec", "targets", "apps").Contains(DaprNames.RoomRouter));
    }

    [Fact]
    public void ExampleSecrets_AreLeftOutOfKustomize_AndHoldOnlyPlaceholders()
    {
        Assert.DoesNotContain(Applied, o => o.Kind == "Secret");
        Assert.All(ExampleSecrets.SelectMany(s => s.Root.StringMap("stringData").Values), value => Assert.Equal("REPLACE_ME", value));
    }

    private static void AssertExampleSecretHasKey(string? secret, string? key)
    {
        var match = Assert.Single(ExampleSecrets, s => s.Name == secret);
        Assert.Contains(key ?? "", match.Root.StringMap("stringData").Keys);
    }
}
