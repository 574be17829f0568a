using YamlDotNet.RepresentationModel;

namespace AvatarStream.DevSidecar.Components;

// Reads every kind: Component document in a resources folder, as daprd's --resources-path does;
// other kinds (Configuration, Resiliency, Subscription) are skipped. Components scoped to other apps are left out.
public static class ComponentLoader
{
    public static IReadOnlyList<Component> Load(string? resourcesPath, string appId)
    {
        if (string.IsNullOrEmpty(resourcesPath))
        {
            return [];
        }

        var folder = Path.GetFullPath(resourcesPath);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"resources path '{folder}' does not exist");
        }

        var files = Directory.EnumerateFiles(folder, "*.*")
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        var components = new List<Component>();
        foreach (var file in files)
        {
            components.AddRange(ParseFile(file).Where(c => c.IsScopedTo(appId)));
        }

        return components;
    }

    // Parses every document of one YAML file; throws InvalidDataException naming the file on bad input.
    public static IEnumerable<Component> ParseFile(string path)
    {
        var stream = YamlFile.Load(path);

        foreach (var document in stream.Documents)
        {
            if (document.RootNode is YamlMappingNode root && Scalar(root, "kind") == "Component")
            {
                yield return Parse(root, path);
            }
        }
    }

    private static Component Parse(YamlMappingNode root, string path)
    {
        var name = Scalar(Child(root, "metadata"), "name") ?? throw new InvalidDataException($"{path}: a component has no metadata.name");
        var spec = Child(root, "spec") ?? throw new InvalidDataException($"{path}: component '{name}' has no spec");
        var type = Scalar(spec, "type") ?? throw new InvalidDataException($"{path}: component '{name}' has no spec.type");
        var metadata = Sequence(spec, "metadata").OfType<YamlMappingNode>().Select(ParseItem).ToArray();
        var scopes = Sequence(root, "scopes").OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToArray();
        return new Component(name, type, Scalar(spec, "version") ?? "v1", metadata, scopes, Scalar(Child(root, "auth"), "secretStore"));
    }

    private static MetadataItem ParseItem(YamlMappingNode item)
    {
        var secretRef = Child(item, "secretKeyRef");
        return new MetadataItem(
            Scalar(item, "name") ?? "",
            Scalar(item, "value"),
            secretRef is null ? null : new SecretKeyRef(Scalar(secretRef, "name") ?? "", Scalar(secretRef, "key")),
            Scalar(item, "envRef"));
    }

    private static YamlMappingNode? Child(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child as YamlMappingNode : null;

    private static string? Scalar(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? (child as YamlScalarNode)?.Value : null;

    private static IEnumerable<YamlNode> Sequence(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlSequenceNode seq ? seq.Children : [];
}
