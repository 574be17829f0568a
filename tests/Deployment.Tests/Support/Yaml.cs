using YamlDotNet.RepresentationModel;

namespace AvatarStream.Deployment.Tests.Support;

// Every document of a YAML file or text whose root is a mapping (comment-only documents drop out).
internal static class Yaml
{
    public static IReadOnlyList<YamlMappingNode> LoadFile(string path) => Load(File.ReadAllText(path));

    public static IReadOnlyList<YamlMappingNode> Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToArray();
    }

    public static YamlMappingNode LoadSingle(string path) => Assert.Single(LoadFile(path));
}
