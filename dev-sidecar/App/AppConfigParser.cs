using System.Text.Json;
using AvatarStream.DevSidecar.Scheduling;

namespace AvatarStream.DevSidecar.App;

// Reads the SDK's /dapr/config JSON: top-level entities, actorIdleTimeout and reentrancy,
// overridden per type by entitiesConfig[]. Unknown keys (scan interval, drain settings) are ignored, as daprd does.
public static class AppConfigParser
{
    // Throws JsonException on malformed input.
    public static AppConfig Parse(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("/dapr/config is not a JSON object");
        }

        var defaults = Read(root, ActorTypeConfig.Default);
        var types = new Dictionary<string, ActorTypeConfig>(StringComparer.Ordinal);
        foreach (var entity in Strings(root, "entities"))
        {
            types[entity] = defaults;
        }

        if (root.TryGetProperty("entitiesConfig", out var perType) && perType.ValueKind == JsonValueKind.Array)
        {
            foreach (var group in perType.EnumerateArray().Where(g => g.ValueKind == JsonValueKind.Object))
            {
                var config = Read(group, defaults);
                foreach (var entity in Strings(group, "entities"))
                {
                    types[entity] = config;
                }
            }
        }

        return new AppConfig(types.Keys.Order(StringComparer.Ordinal).ToArray(), types);
    }

    private static ActorTypeConfig Read(JsonElement element, ActorTypeConfig fallback)
    {
        var config = fallback;
        if (element.TryGetProperty("actorIdleTimeout", out var idle) && idle.ValueKind == JsonValueKind.String
            && GoDuration.TryParse(idle.GetString(), out var timeout) && timeout > TimeSpan.Zero)
        {
            config = config with { IdleTimeout = timeout };
        }

        if (element.TryGetProperty("reentrancy", out var reentrancy) && reentrancy.ValueKind == JsonValueKind.Object)
        {
            if (reentrancy.TryGetProperty("enabled", out var enabled) && enabled.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                config = config with { Reentrant = enabled.GetBoolean() };
            }

            if (reentrancy.TryGetProperty("maxStackDepth", out var depth) && depth.ValueKind == JsonValueKind.Number && depth.TryGetInt32(out var max) && max > 0)
            {
                config = config with { MaxStackDepth = max };
            }
        }

        return config;
    }

    private static IEnumerable<string> Strings(JsonElement element, string property) =>
        element.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray()
            : [];
}
