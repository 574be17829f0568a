using System.Xml.Linq;
using AvatarStream.Deployment.Tests.Rules;
using AvatarStream.Deployment.Tests.Support;
using AvatarStream.DevHost;

namespace AvatarStream.Deployment.Tests;

// Images come from the SDK's container support, and the manifests name exactly those images.
public class ContainerImageTests
{
    private static readonly IReadOnlyList<KubeObject> Applied = Manifests.Applied();

    public static TheoryData<AppKind> Kinds => new(ServiceProjects.All);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EachServiceProject_BuildsItsImageWithoutADockerfile(AppKind kind)
    {
        Assert.Equal("true", ServiceProjects.Property(kind, "EnableSdkContainerSupport"));
        Assert.False(string.IsNullOrEmpty(ServiceProjects.Property(kind, "ContainerRepository")));
        Assert.False(string.IsNullOrEmpty(ServiceProjects.Property(kind, "ContainerImageTag")));
        // A chiseled family, or (the recorder, which needs ffmpeg) a base image of our own built from deploy/recorder-base.
        Assert.False(string.IsNullOrEmpty(ServiceProjects.Property(kind, "ContainerFamily") ?? ServiceProjects.Property(kind, "ContainerBaseImage")));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(ServiceProjects.ProjectFile(kind))!, "Dockerfile")));
    }

    [Fact]
    public void EachDeployment_RunsTheImageOfItsAppsProject_OnThePortTheProjectExposes()
    {
        foreach (var deployment in Applied.OfKind("Deployment"))
        {
            var kind = AppIds.KindOf(StreamInstances.AppIdOf(deployment)) ?? throw new InvalidOperationException($"{deployment}: unknown app-id");
            var container = Assert.Single(deployment.Containers);
            var exposed = XDocument.Load(ServiceProjects.ProjectFile(kind)).Descendants("ContainerPort").Select(p => p.Attribute("Include")?.Value).Single();

            Assert.Equal(ServiceProjects.Image(kind), container.Str("image"));
            Assert.Equal(exposed, deployment.PodAnnotations[DaprAnnotationRules.AppPort]);
            Assert.Equal($"http://+:{exposed}", StreamInstances.Env(deployment)[LocalRunRules.Urls]);
        }
    }

    [Fact]
    public void Kustomization_RetagsEveryServiceImage_WithTheProjectsTag()
    {
        var images = Yaml.LoadSingle(Path.Combine(Repo.Kubernetes, Manifests.KustomizationFile)).Items("images");

        Assert.Equal(
            ServiceProjects.All.Select(k => ServiceProjects.Property(k, "ContainerRepository")).Order(StringComparer.Ordinal),
            images.Select(i => i.Str("name")).Order(StringComparer.Ordinal));
        foreach (var kind in ServiceProjects.All)
        {
            var image = images.Single(i => i.Str("name") == ServiceProjects.Property(kind, "ContainerRepository"));
            Assert.Equal(ServiceProjects.Property(kind, "ContainerImageTag"), image.Str("newTag"));
            Assert.EndsWith("/" + ServiceProjects.Property(kind, "ContainerRepository"), image.Str("newName"), StringComparison.Ordinal);
        }
    }
}
