using AvatarStream.Deployment.Tests.Rules;
using AvatarStream.Deployment.Tests.Support;
using AvatarStream.DevHost;

namespace AvatarStream.Deployment.Tests;

public class MultiAppRunTests
{
    private static readonly LocalTopology Topology = LocalTopology.Create(2);
    private static readonly string DaprYaml = Repo.PathOf("dapr.yaml");

    [Fact]
    public void DaprYaml_RunsTheLocalTopology_WithItsIdsPortsProjectsAndEnv()
    {
        Assert.Empty(MultiAppRunRules.Check(Yaml.LoadSingle(DaprYaml), Topology, Repo.Root));
    }

    [Fact]
    public void DaprYaml_WithAWrongStreamPort_IsCaught()
    {
        var broken = File.ReadAllText(DaprYaml).Replace("appPort: 5002", "appPort: 5012", StringComparison.Ordinal);

        var problems = MultiAppRunRules.Check(Assert.Single(Yaml.Load(broken)), Topology, Repo.Root);

        Assert.Contains(problems, p => p.Contains("stream-2: appPort", StringComparison.Ordinal));
    }

    [Fact]
    public void DaprYaml_WithAStreamAnnouncingAnotherUrl_IsCaught()
    {
        var broken = File.ReadAllText(DaprYaml).Replace("Stream__PublicUrl: ws://127.0.0.1:5001/", "Stream__PublicUrl: ws://127.0.0.1:5002/", StringComparison.Ordinal);

        var problems = MultiAppRunRules.Check(Assert.Single(Yaml.Load(broken)), Topology, Repo.Root);

        Assert.Contains(problems, p => p.Contains("stream-1: env Stream__PublicUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void DaprYaml_MissingAnApp_IsCaught()
    {
        var problems = MultiAppRunRules.Check(Yaml.LoadSingle(DaprYaml), LocalTopology.Create(3), Repo.Root);

        Assert.Contains(problems, p => p.StartsWith("apps are", StringComparison.Ordinal));
    }
}
