using System.Text.Json;
using System.Text.Json.Serialization;

namespace AvatarStream.DevSidecar.Actors;

/// <summary>The body of <c>PUT /actors/{type}/{id}/method/remind/{name}</c>: the registered data and strings, verbatim.</summary>
public sealed record ReminderFire(
    [property: JsonPropertyName("data")] JsonElement? Data,
    [property: JsonPropertyName("dueTime")] string DueTime,
    [property: JsonPropertyName("period")] string Period);
