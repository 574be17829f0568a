using AvatarStream.Contracts;
using AvatarStream.Deployment.Tests.Support;

namespace AvatarStream.Deployment.Tests;

public class KustomizationTests
{
    // Folders under deploy/kubernetes that kustomize must not apply: placeholders and the control plane's settings.
    private static readonly string[] LeftOutOnPurpose = ["secrets/", "cluster/"];

    private static readonly YamlDotNet.RepresentationModel.YamlMappingNode Kustomization =
        Yaml.LoadSingle(Path.Combine(Repo.Kubernetes, Manifests.KustomizationFile));

    [Fact]
    public void EveryManifestFile_IsListed_UnlessLeftOutOnPurpose()
    {
        var files = Directory.EnumerateFiles(Repo.Kubernetes, "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repo.Kubernetes, f).Replace('\\', '/'))
            .Where(f => f != Manifests.KustomizationFile && !LeftOutOnPurpose.Any(folder => f.StartsWith(folder, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);

        Assert.Equal(files, Manifests.KustomizationResources().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Namespace_IsCreated_AndEveryNamespacedReferenceUsesIt()
    {
        var ns = Kustomization.Str("namespace");
        var everything = Manifests.Everything();

        Assert.Equal(ns, Assert.Single(Manifests.Applied().OfKind("Namespace")).Name);
        Assert.All(Manifests.Applied().OfKind("RoleBinding").SelectMany(b => b.Root.Items("subjects")), s => Assert.Equal(ns, s.Str("namespace")));
        Assert.All(everything.OfKind("Secret"), s => Assert.Equal(ns, s.Root.Str("metadata", "namespace")));
        Assert.Contains($".{ns}.svc.", LocalComponentsTests.Metadata(everything.Named("Component", DaprNames.StateStore), "redisHost"), StringComparison.Ordinal);
    }
}
