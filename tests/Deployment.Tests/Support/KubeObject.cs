using YamlDotNet.RepresentationModel;

namespace AvatarStream.Deployment.Tests.Support;

// One document of a manifest file, with the fields every kind has.
internal sealed record KubeObject(string Source, YamlMappingNode Root)
{
    public string? ApiVersion => Root.Str("apiVersion");

    public string? Kind => Root.Str("kind");

    public string? Name => Root.Str("metadata", "name");

    // The pod template's labels (Deployments).
    public IReadOnlyDictionary<string, string> PodLabels => Root.StringMap("spec", "template", "metadata", "labels");

    public IReadOnlyDictionary<string, string> PodAnnotations => Root.StringMap("spec", "template", "metadata", "annotations");

    public IReadOnlyList<YamlNode> Containers => Root.Items("spec", "template", "spec", "containers");

    public override string ToString() => $"{Kind}/{Name} ({Source})";
}
