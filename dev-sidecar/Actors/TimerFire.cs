using System.Text.Json;
using System.Text.Json.Serialization;

namespace AvatarStream.DevSidecar.Actors;

// The body of PUT /actors/{type}/{id}/method/timer/{name}: the registered callback, data and strings.
public sealed record TimerFire(
    [property: JsonPropertyName("callback")] string Callback,
    [property: JsonPropertyName("data")] JsonElement? Data,
    [property: JsonPropertyName("dueTime")] string DueTime,
    [property: JsonPropertyName("period")] string Period);
