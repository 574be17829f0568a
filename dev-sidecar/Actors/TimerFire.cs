using System.Text.Json;
using System.Text.Json.Serialization;

namespace AvatarStream.DevSidecar.Actors;

/// <summary>The body of <c>PUT /actors/{type}/{id}/method/timer/{name}</c>: the registered callback, data and strings.</summary>
public sealed record TimerFire(
    [property: JsonPropertyName("callback")] string Callback,
    [property: JsonPropertyName("data")] JsonElement? Data,
    [property: JsonPropertyName("dueTime")] string DueTime,
    [property: JsonPropertyName("period")] string Period);
