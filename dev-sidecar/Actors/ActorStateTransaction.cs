using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AvatarStream.DevSidecar.Actors;

// Reads the body of PUT /v1.0/actors/{type}/{id}/state (dapr-contract §5.2): a JSON array of
// {"operation":"upsert"|"delete","request":{"key","value","etag","metadata":{"ttlInSeconds"}}}. Values are kept
// as the exact JSON text sent, so GET returns them verbatim.
public static class ActorStateTransaction
{
    public const string TtlFeature = "ActorStateTTL";

    // False with a daprd-style reason when the body is unusable: malformed tells a body that is not a
    // JSON array (daprd: 400 ERR_MALFORMED_REQUEST) from a bad operation in it (500 ERR_ACTOR_STATE_TRANSACTION_SAVE).
    public static bool TryParse(ReadOnlySpan<byte> body, bool ttlEnabled, out IReadOnlyList<ActorStateOperation> operations, out string error, out bool malformed)
    {
        operations = [];
        malformed = true;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException e)
        {
            error = e.Message;
            return false;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                error = "the body is not a JSON array of operations";
                return false;
            }

            malformed = false;

            var list = new List<ActorStateOperation>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (!TryParseOperation(item, ttlEnabled, out var operation, out error))
                {
                    return false;
                }

                list.Add(operation);
            }

            operations = list;
            error = "";
            return true;
        }
    }

    private static bool TryParseOperation(JsonElement item, bool ttlEnabled, out ActorStateOperation operation, out string error)
    {
        operation = null!;
        if (item.ValueKind != JsonValueKind.Object
            || !item.TryGetProperty("operation", out var kind) || kind.ValueKind != JsonValueKind.String
            || !item.TryGetProperty("request", out var request) || request.ValueKind != JsonValueKind.Object)
        {
            error = "request data is empty";
            return false;
        }

        if (!request.TryGetProperty("key", out var keyElement) || keyElement.ValueKind != JsonValueKind.String || keyElement.GetString() is not { Length: > 0 } key)
        {
            error = "missing key";
            return false;
        }

        var etag = request.TryGetProperty("etag", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        switch (kind.GetString())
        {
            case "upsert":
                if (!TryReadTtl(request, ttlEnabled, out var ttl, out error))
                {
                    return false;
                }

                var value = request.TryGetProperty("value", out var v) ? v.GetRawText() : "null";
                operation = new ActorStateOperation(key, Encoding.UTF8.GetBytes(value), etag, ttl);
                return true;
            case "delete":
                operation = new ActorStateOperation(key, null, etag);
                error = "";
                return true;
            default:
                error = $"operation type {kind.GetString()} not supported";
                return false;
        }
    }

    private static bool TryReadTtl(JsonElement request, bool ttlEnabled, out TimeSpan? ttl, out string error)
    {
        ttl = null;
        error = "";
        if (!request.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object
            || !metadata.TryGetProperty("ttlInSeconds", out var ttlElement))
        {
            return true;
        }

        if (!ttlEnabled)
        {
            error = $"ttlInSeconds is not supported without the \"{TtlFeature}\" feature enabled";
            return false;
        }

        var text = ttlElement.ValueKind == JsonValueKind.String ? ttlElement.GetString() : ttlElement.GetRawText();
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            error = $"invalid ttlInSeconds '{text}'";
            return false;
        }

        // -1 (or any value up to 0) means the value never expires.
        ttl = seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;
        return true;
    }
}
