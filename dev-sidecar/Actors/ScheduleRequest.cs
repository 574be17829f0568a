using System.Text.Json;

namespace AvatarStream.DevSidecar.Actors;

// The body of a reminder or timer registration (dapr-contract §5.2): dueTime, period, ttl strings,
// any JSON data, and a timer's callback. Missing strings read as "".
public sealed record ScheduleRequest(string DueTime, string Period, string? Ttl, JsonElement? Data, string Callback)
{
    public static bool TryParse(ReadOnlySpan<byte> body, out ScheduleRequest request, out string error)
    {
        request = new ScheduleRequest("", "", null, null, "");
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "the body is not a JSON object";
                return false;
            }

            request = new ScheduleRequest(
                String(root, "dueTime") ?? "",
                String(root, "period") ?? "",
                String(root, "ttl"),
                root.TryGetProperty("data", out var data) ? data.Clone() : null,
                String(root, "callback") ?? "");
            error = "";
            return true;
        }
        catch (JsonException e)
        {
            error = e.Message;
            return false;
        }
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
