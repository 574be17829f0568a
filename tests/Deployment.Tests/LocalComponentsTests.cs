using System.Text.Json;
using AvatarStream.Contracts;
using AvatarStream.Deployment.Tests.Rules;
using AvatarStream.Deployment.Tests.Support;
using AvatarStream.DevHost;
using AvatarStream.DevSidecar.Components;

namespace AvatarStream.Deployment.Tests;

public class LocalComponentsTests
{
    private static readonly LocalTopology Topology = LocalTopology.Create(2);

    [Fact]
    public void EveryDocument_HasTheShapeDaprExpects()
    {
        Assert.Empty(LocalComponents.All().SelectMany(ObjectRules.Check));
    }

    [Fact]
    public void EachComponentFile_IsNamedAfterItsComponent()
    {
        foreach (var component in LocalComponents.All().OfKind("Component"))
        {
            Assert.Equal($"components/{component.Name}.yaml", component.Source.Replace('\\', '/'));
        }
    }

    [Fact]
    public void StateStore_IsRedisActorStore_VisibleOnlyToRoomRouter()
    {
        var store = LocalComponents.Component(DaprNames.StateStore);

        Assert.Equal("state.redis", store.Root.Str("spec", "type"));
        Assert.Equal("true", Metadata(store, "actorStateStore"));
        Assert.Equal([DaprNames.RoomRouter], store.Root.Strings("scopes"));
    }

    [Fact]
    public void InstanceSweep_IsHourlyCronInput_VisibleOnlyToIpUpdater()
    {
        var sweep = LocalComponents.Component(DaprNames.InstanceSweepBinding);

        Assert.Equal("bindings.cron", sweep.Root.Str("spec", "type"));
        Assert.Equal("@every 1h", Metadata(sweep, "schedule"));
        Assert.Equal("input", Metadata(sweep, "direction"));
        Assert.Equal([DaprNames.IpUpdater], sweep.Root.Strings("scopes"));
    }

    [Fact]
    public void SecretStore_IsDevelopmentFileHoldingTheInternalTokenAndTheTicketKey()
    {
        var store = LocalComponents.Component(DaprNames.SecretStore);

        Assert.Equal("secretstores.local.file", store.Root.Str("spec", "type"));
        Assert.Contains("DEVELOPMENT ONLY", File.ReadAllText(Repo.PathOf(store.Source)), StringComparison.Ordinal);
        // daprd resolves secretsFile against its working directory, the repository root for `dapr run -f .`.
        var file = Repo.PathOf(Metadata(store, "secretsFile") ?? "");
        using var secrets = JsonDocument.Parse(File.ReadAllText(file));
        Assert.False(string.IsNullOrEmpty(secrets.RootElement.GetProperty(DaprNames.InternalTokenKey).GetString()));
        Assert.True(secrets.RootElement.GetProperty(DaprNames.TicketKeyKey).GetString()!.Length >= 32);
    }

    [Fact]
    public void DevelopmentSidecar_GivesEachAppExactlyTheComponentsItUses()
    {
        foreach (var app in Topology.Apps)
        {
            var names = ComponentLoader.Load(Repo.Components, app.AppId).Select(c => c.Name).Order(StringComparer.Ordinal);

            var expected = new List<string> { DaprNames.SecretStore };
            if (app.Kind == AppKind.RoomRouter)
            {
                expected.AddRange([DaprNames.StateStore, DaprNames.RecordingsBinding, DaprNames.MailBinding]);
            }

            if (app.Kind == AppKind.Recorder)
            {
                expected.Add(DaprNames.RecordingsBinding);
            }

            if (app.Kind == AppKind.IpUpdater)
            {
                expected.Add(DaprNames.InstanceSweepBinding);
            }

            Assert.Equal(expected.Order(StringComparer.Ordinal), names);
        }
    }

    [Fact]
    public void Resiliency_BreaksCircuitsOnEveryLocalStreamInstance_AndCoversRoomRouter()
    {
        var resiliency = Assert.Single(LocalComponents.All().OfKind("Resiliency"));

        Assert.Empty(ResiliencyRules.Check(resiliency.Root));
        var streams = Topology.Apps.Where(a => a.Kind == AppKind.Stream).Select(a => a.AppId);
        Assert.Subset(ResiliencyRules.AppsWithBreaker(resiliency.Root).ToHashSet(), streams.ToHashSet());
        Assert.Contains(DaprNames.RoomRouter, resiliency.Root.Keys("spec", "targets", "apps"));
    }

    [Fact]
    public void LocalAndKubernetesComponents_HaveTheSameNames()
    {
        static IEnumerable<string?> Names(IEnumerable<KubeObject> objects) => objects.OfKind("Component").Select(c => c.Name).Order(StringComparer.Ordinal);

        Assert.Equal(Names(LocalComponents.All()), Names(Manifests.Applied()));
    }

    internal static string? Metadata(KubeObject component, string name) =>
        component.Root.Items("spec", "metadata").FirstOrDefault(m => m.Str("name") == name).Str("value");
}
