using System.Text.Json;
using AvatarStream.Contracts;

namespace AvatarStream.RoomRouter.Endpoints;

// Fields of the public bodies. An optional field absent or null is "not given"; any other value that does not fit is
// an error naming the field.
internal static class BodyFields
{
    // The member's display name, trimmed; "Guest" when not given.
    public static bool TryReadName(JsonElement body, out string name, out string error)
    {
        name = MemberNames.Default;
        error = $"name, when given, must be a string of 1 to {MemberNames.MaxLength} characters after trimming, without control characters.";
        if (!TryGet(body, "name", out var value))
        {
            return true;
        }

        if (!TryGetText(value, out var text) || MemberNames.Normalize(text) is not { } normalized)
        {
            return false;
        }

        name = normalized;
        return true;
    }

    // true or false; false when not given.
    public static bool TryReadFlag(JsonElement body, string property, out bool flag, out string error)
    {
        flag = false;
        error = $"{property}, when given, must be true or false.";
        if (!TryGet(body, property, out var value))
        {
            return true;
        }

        flag = value.ValueKind == JsonValueKind.True;
        return value.ValueKind is JsonValueKind.True or JsonValueKind.False;
    }

    // One of the given words; the first when not given.
    public static bool TryReadChoice(JsonElement body, string property, string[] choices, out string choice, out string error)
    {
        choice = choices[0];
        error = $"{property}, when given, must be one of: {string.Join(", ", choices.Select(c => $"\"{c}\""))}.";
        if (!TryGet(body, property, out var value))
        {
            return true;
        }

        if (!TryGetText(value, out var text) || Array.IndexOf(choices, text) < 0)
        {
            return false;
        }

        choice = text;
        return true;
    }

    // A whole number from min to max; 1.0, 1e3 or "1" are not one.
    public static bool TryReadWholeNumber(JsonElement body, string property, int min, int max, out int? number, out string error)
    {
        number = null;
        error = $"{property}, when given, must be a whole number from {min} to {max}.";
        if (!TryGet(body, property, out var value))
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var read) || read < min || read > max)
        {
            return false;
        }

        number = read;
        return true;
    }

    // The text of a JSON string. False for any other value, and for a string that is no valid Unicode (an escaped lone
    // surrogate such as "\ud800"), which GetString refuses by throwing.
    public static bool TryGetText(JsonElement value, out string text)
    {
        text = string.Empty;
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        try
        {
            text = value.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool TryGet(JsonElement body, string property, out JsonElement value) =>
        body.TryGetProperty(property, out value) && value.ValueKind != JsonValueKind.Null;
}
