using System.Text.Json;
using System.Text.Json.Serialization;

namespace AvatarStream.DevSidecar.Actors;

// The body of PUT /actors/{type}/{id}/method/remind/{name}: the registered data and strings, verbatim.
public sealed record ReminderFire(
    [property: JsonPropertyName("data")] JsonElement? Data,
    [property: JsonPropertyName("dueTime")] string DueTime,
    [property: JsonPropertyName("period")] string Period);
