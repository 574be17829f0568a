namespace AvatarStream.DevSidecar.Tests.Infrastructure;

/// <summary>Component YAML for tests.</summary>
public static class ComponentYaml
{
    /// <summary>A component with plain metadata values; <paramref name="extra"/> is appended verbatim (auth, scopes).</summary>
    public static string Of(string name, string type, IReadOnlyDictionary<string, string>? metadata = null, string extra = "")
    {
        var items = string.Concat((metadata ?? new Dictionary<string, string>())
            .Select(m => $"\n    - name: {m.Key}\n      value: \"{m.Value}\""));
        return $"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: {name}
            spec:
              type: {type}
              version: v1
              metadata:{(items.Length == 0 ? " []" : items)}
            {extra}
            """;
    }
}
