using AvatarStream.DevSidecar.Components;
using YamlDotNet.RepresentationModel;

namespace AvatarStream.DevSidecar.Cli;

// Reads the enabled features (spec.features[] with enabled: true) of a Dapr Configuration YAML.
public static class ConfigurationFile
{
    // Throws FileNotFoundException for a missing file, InvalidDataException when it is not YAML or holds no Configuration.
    public static IReadOnlySet<string> ReadFeatures(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"config file '{Path.GetFullPath(path)}' does not exist", path);
        }

        var stream = YamlFile.Load(path);

        var configuration = stream.Documents
            .Select(d => d.RootNode as YamlMappingNode)
            .FirstOrDefault(root => root is not null && Scalar(root, "kind") == "Configuration")
            ?? throw new InvalidDataException($"{path}: no 'kind: Configuration' document");

        var features = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (Child(configuration, "spec") is YamlMappingNode spec && Child(spec, "features") is YamlSequenceNode list)
        {
            foreach (var feature in list.Children.OfType<YamlMappingNode>())
            {
                if (Scalar(feature, "name") is { Length: > 0 } name
                    && string.Equals(Scalar(feature, "enabled"), "true", StringComparison.OrdinalIgnoreCase))
                {
                    features.Add(name);
                }
            }
        }

        return features;
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;
}
