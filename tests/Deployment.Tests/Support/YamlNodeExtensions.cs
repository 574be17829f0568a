using YamlDotNet.RepresentationModel;

namespace AvatarStream.Deployment.Tests.Support;

// Null-tolerant navigation, so a missing field reads as null or empty and the rule says what is missing.
internal static class YamlNodeExtensions
{
    public static YamlNode? At(this YamlNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out node))
            {
                return null;
            }
        }

        return node;
    }

    public static string? Str(this YamlNode? node, params string[] path) => (node.At(path) as YamlScalarNode)?.Value;

    public static int? Int(this YamlNode? node, params string[] path) =>
        int.TryParse(node.Str(path), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    public static IReadOnlyList<YamlNode> Items(this YamlNode? node, params string[] path) =>
        node.At(path) is YamlSequenceNode sequence ? sequence.Children.ToArray() : [];

    public static IReadOnlyList<string> Strings(this YamlNode? node, params string[] path) =>
        node.Items(path).OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToArray();

    // A mapping of scalars (labels, annotations, env maps) as a dictionary.
    public static IReadOnlyDictionary<string, string> StringMap(this YamlNode? node, params string[] path) =>
        node.At(path) is YamlMappingNode map
            ? map.Children
                .Where(pair => pair.Key is YamlScalarNode && pair.Value is YamlScalarNode)
                .ToDictionary(pair => ((YamlScalarNode)pair.Key).Value ?? "", pair => ((YamlScalarNode)pair.Value).Value ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    public static IReadOnlyList<string> Keys(this YamlNode? node, params string[] path) =>
        node.At(path) is YamlMappingNode map ? map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "").ToArray() : [];
}
