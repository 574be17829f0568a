namespace AvatarStream.DevSidecar.Tests.Infrastructure;

public static class ComponentYaml
{
    // A component with plain metadata values; extra is appended verbatim (auth, scopes).
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
