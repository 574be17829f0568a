using AvatarStream.Deployment.Tests.Rules;
using AvatarStream.Deployment.Tests.Support;
using AvatarStream.DevHost;

namespace AvatarStream.Deployment.Tests;

public class TyeTests
{
    private static readonly LocalTopology Topology = LocalTopology.Create(2);
    private static readonly string TyeYaml = Repo.PathOf("tye.yaml");

    [Fact]
    public void TyeYaml_RunsTheLocalTopology_ThroughTheDaprExtension()
    {
        Assert.Empty(TyeRules.Check(Yaml.LoadSingle(TyeYaml), Topology, Repo.Root));
    }

    [Fact]
    public void TyeYaml_WithAWrongSidecarPort_IsCaught()
    {
        var broken = File.ReadAllText(TyeYaml).Replace("http-port: 3503", "http-port: 3599", StringComparison.Ordinal);

        var problems = TyeRules.Check(Assert.Single(Yaml.Load(broken)), Topology, Repo.Root);

        Assert.Contains(problems, p => p.StartsWith("ip-updater: dapr extension", StringComparison.Ordinal));
    }

    [Fact]
    public void TyeYaml_SaysItIsArchived_AndPointsToDaprRun()
    {
        var text = File.ReadAllText(TyeYaml);

        Assert.Contains("archived", text, StringComparison.Ordinal);
        Assert.Contains("dapr run -f .", text, StringComparison.Ordinal);
    }
}
