namespace AvatarStream.Deployment.Tests.Support;

// The Kubernetes manifests under deploy/: what kustomization.yaml applies, and every file there.
internal static class Manifests
{
    public const string KustomizationFile = "kustomization.yaml";

    // The objects kubectl apply -k deploy/kubernetes would send (before kustomize's rewrites).
    public static IReadOnlyList<KubeObject> Applied() =>
        KustomizationResources().SelectMany(r => LoadFile(Path.Combine(Repo.Kubernetes, r))).ToArray();

    // Every object in every YAML file under deploy/, including the examples kustomize leaves out.
    public static IReadOnlyList<KubeObject> Everything() =>
        Directory.EnumerateFiles(Repo.PathOf("deploy"), "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(LoadFile)
            .Where(o => o.Kind != "Kustomization")
            .ToArray();

    public static IReadOnlyList<string> KustomizationResources() =>
        Yaml.LoadSingle(Path.Combine(Repo.Kubernetes, KustomizationFile)).Strings("resources");

    public static IReadOnlyList<KubeObject> LoadFile(string path) => FromText(File.ReadAllText(path), Path.GetRelativePath(Repo.Root, path));

    public static IReadOnlyList<KubeObject> FromText(string text, string source) =>
        Yaml.Load(text).Select(root => new KubeObject(source, root)).ToArray();

    public static IEnumerable<KubeObject> OfKind(this IEnumerable<KubeObject> objects, string kind) => objects.Where(o => o.Kind == kind);

    public static KubeObject Named(this IEnumerable<KubeObject> objects, string kind, string name) =>
        Assert.Single(objects, o => o.Kind == kind && o.Name == name);
}
