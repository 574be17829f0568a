namespace AvatarStream.Deployment.Tests.Support;

// The documents in components/, the folder real Dapr and the development sidecar both read.
internal static class LocalComponents
{
    public static IReadOnlyList<KubeObject> All() =>
        Directory.EnumerateFiles(Repo.Components, "*.yaml").Order(StringComparer.Ordinal).SelectMany(Manifests.LoadFile).ToArray();

    public static KubeObject Component(string name) => All().Named("Component", name);
}
