using System.Text.Json;
using Xunit.Sdk;

namespace AvatarStream.StreamService.Tests.Infrastructure;

internal static class JsonAssert
{
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    // The two are the same JSON value (object member order ignored).
    public static void Equal(string expected, JsonElement actual)
    {
        if (!JsonElement.DeepEquals(Parse(expected), actual))
        {
            throw new XunitException($"JSON differs.\nExpected: {expected}\nActual:   {actual.GetRawText()}");
        }
    }

    // An error reply with this code (and, when given, this echoed id).
    public static void Error(JsonElement message, string code)
    {
        Assert.Equal("error", message.GetProperty("type").GetString());
        Assert.Equal(code, message.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(message.GetProperty("message").GetString()));
    }

    public static IReadOnlyList<int> Numbers(JsonElement array, string property = "member") =>
        [.. array.EnumerateArray().Select(item => item.GetProperty(property).GetInt32())];

    public static IReadOnlyList<int> Ints(JsonElement array) => [.. array.EnumerateArray().Select(item => item.GetInt32())];
}
