using System.Text.Json;

namespace AvatarStream.DevSidecar.Secrets;

// secretstores.local.file (dapr-contract §7): secrets from one JSON file, nested objects and arrays
// flattened to a:b:0-style names. With multiValued, each top-level property is one secret and its
// nested content becomes that secret's keys. The file is read on every call, so edits show up without a restart.
public sealed class LocalFileSecretStore(string secretsFile, string nestedSeparator, bool multiValued) : ISecretStore
{
    public string SecretsFile { get; } = Path.GetFullPath(secretsFile);

    public IReadOnlyDictionary<string, string> Get(string name) =>
        GetAll().TryGetValue(name, out var secret) ? secret : throw new SecretStoreException($"secret {name} not found");

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> GetAll()
    {
        using var document = Read();
        var secrets = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (multiValued && property.Value.ValueKind == JsonValueKind.Object)
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                Flatten(property.Value, "", values);
                secrets[property.Name] = values;
                continue;
            }

            var flat = new Dictionary<string, string>(StringComparer.Ordinal);
            Flatten(property.Value, property.Name, flat);
            foreach (var (name, value) in flat)
            {
                secrets[name] = new Dictionary<string, string>(StringComparer.Ordinal) { [name] = value };
            }
        }

        return secrets;
    }

    private JsonDocument Read()
    {
        try
        {
            using var stream = File.OpenRead(SecretsFile);
            var document = JsonDocument.Parse(stream);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new SecretStoreException($"secrets file {SecretsFile} does not hold a JSON object");
            }

            return document;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new SecretStoreException($"cannot read secrets file {SecretsFile}: {e.Message}", e);
        }
    }

    private void Flatten(JsonElement element, string path, Dictionary<string, string> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, Join(path, property.Name), into);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, Join(path, index++.ToString(System.Globalization.CultureInfo.InvariantCulture)), into);
                }

                break;
            case JsonValueKind.String:
                into[path] = element.GetString() ?? "";
                break;
            case JsonValueKind.Null:
                into[path] = "";
                break;
            default:
                // Numbers and booleans keep their JSON spelling (42, 1.5, true).
                into[path] = element.GetRawText();
                break;
        }
    }

    private string Join(string path, string name) => path.Length == 0 ? name : path + nestedSeparator + name;
}
