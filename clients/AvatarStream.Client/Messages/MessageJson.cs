using System.Text.Json;
using System.Text.Json.Serialization;

namespace AvatarStream.Client.Messages;

// Control messages to and from their wire form: one JSON object per text frame, snake_case, absent fields omitted.
public static class MessageJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static byte[] Serialize(ClientMessage message) => JsonSerializer.SerializeToUtf8Bytes(message, Options);

    public static byte[] Serialize(ServerMessage message) => JsonSerializer.SerializeToUtf8Bytes(message, Options);

    // A server message; UnknownServerMessage for a type this library does not know or fields that do not fit.
    // Throws JsonException only when the text is not a JSON object.
    public static ServerMessage ParseServerMessage(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        return JsonSerializer.Deserialize<ServerMessage>(ref reader, Options)
            ?? throw new JsonException("A control message must be a JSON object.");
    }

    // A client message (what a server reads); throws JsonException for an unknown type or malformed fields.
    public static ClientMessage ParseClientMessage(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        return JsonSerializer.Deserialize<ClientMessage>(ref reader, Options)
            ?? throw new JsonException("A control message must be a JSON object.");
    }
}
