using AvatarStream.Deployment.Tests.Rules;
using AvatarStream.Deployment.Tests.Support;

namespace AvatarStream.Deployment.Tests;

public class StreamGeneratorTests
{
    [Fact]
    public async Task ForThreeInstances_YieldsStream1To3_EachWithDeploymentServiceIngressAndBreaker()
    {
        var streams = await StreamGenerator.GenerateAsync("3");
        var ids = AppIds.Streams(3);

        Assert.Equal(ids, StreamInstances.Deployments(streams).Select(StreamInstances.AppIdOf));
        Assert.Equal(ids, streams.OfKind("Service").Select(s => s.Name));
        Assert.Equal(ids, streams.OfKind("Ingress").Select(i => i.Name));
        Assert.Equal(ids, ResiliencyRules.AppsWithBreaker(Assert.Single(streams.OfKind("Resiliency")).Root));
    }

    [Fact]
    public async Task ForThreeInstances_FitsTheRestOfTheManifests()
    {
        var all = StreamGenerator.AppliedWith(await StreamGenerator.GenerateAsync("3"));

        Assert.Empty(KubernetesRules.Check(all));
        foreach (var stream in StreamInstances.Deployments(all))
        {
            var host = Assert.Single(StreamInstances.PublicHosts(stream, all));
            Assert.Equal($"{StreamInstances.AppIdOf(stream)}.streams.example.com", host);
            Assert.Equal($"wss://{host}/", StreamInstances.Env(stream)[LocalRunRules.PublicUrl]);
        }
    }

    [Fact]
    public async Task WithAnotherDomain_AnnouncesAndRoutesThatDomain()
    {
        var streams = await StreamGenerator.GenerateAsync("1", "live.example.org");
        var stream = Assert.Single(StreamInstances.Deployments(streams));

        Assert.Equal(["stream-1.live.example.org"], StreamInstances.PublicHosts(stream, streams));
        Assert.Equal("wss://stream-1.live.example.org/", StreamInstances.Env(stream)[LocalRunRules.PublicUrl]);
    }

    [Fact]
    public async Task CommittedStreamsYaml_IsExactlyTheGeneratorOutput()
    {
        var (exitCode, output, _) = await StreamGenerator.RunAsync(StreamGenerator.CommittedCount.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(0, exitCode);
        Assert.Equal(output, File.ReadAllText(Path.Combine(Repo.Kubernetes, StreamGenerator.CommittedOutput)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("three")]
    [InlineData("")]
    [InlineData("2", "Streams.Example.com")]
    [InlineData("2", "a/b.example.com")]
    [InlineData("2", "example")]
    public async Task RejectsABadCountOrDomain_WithoutPrintingManifests(string count, string? domain = null)
    {
        var (exitCode, output, error) = await StreamGenerator.RunAsync(domain is null ? [count] : [count, domain]);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("usage", error, StringComparison.Ordinal);
    }
}
