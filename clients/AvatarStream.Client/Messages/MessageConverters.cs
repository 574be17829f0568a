using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AvatarStream.Client.Messages;

// Both hierarchies are written as {"type": ..., fields...} and read by dispatching on "type", wherever it stands in the
// object. The derived records carry no converter of their own, so serializing one of them here uses the default.
internal static class TypedObjects
{
    private const string TypeProperty = "type";

    public static void Write(Utf8JsonWriter writer, string type, object value, JsonSerializerOptions options)
    {
        var fields = JsonSerializer.SerializeToNode(value, value.GetType(), options)!.AsObject();
        writer.WriteStartObject();
        writer.WriteString(TypeProperty, type);
        foreach (var (name, field) in fields)
        {
            writer.WritePropertyName(name);
            if (field is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                field.WriteTo(writer, options);
            }
        }

        writer.WriteEndObject();
    }

    public static string? ReadType(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(TypeProperty, out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()
            : null;
}

internal sealed class ServerMessageConverter : JsonConverter<ServerMessage>
{
    private static readonly FrozenDictionary<string, Type> Types = new Dictionary<string, Type>
    {
        [MessageTypes.Welcome] = typeof(Welcome),
        [MessageTypes.MemberJoined] = typeof(MemberJoined),
        [MessageTypes.MemberUpdated] = typeof(MemberUpdated),
        [MessageTypes.MemberLeft] = typeof(MemberLeft),
        [MessageTypes.RoomUpdated] = typeof(RoomUpdated),
        [MessageTypes.Knock] = typeof(Knock),
        [MessageTypes.KnockCancelled] = typeof(KnockCancelled),
        [MessageTypes.Waiting] = typeof(Waiting),
        [MessageTypes.Data] = typeof(DataReceived),
        [MessageTypes.LayersWanted] = typeof(LayersWanted),
        [MessageTypes.Resumed] = typeof(Resumed),
        [MessageTypes.RoomEnded] = typeof(RoomEnded),
        [MessageTypes.Error] = typeof(ErrorMessage),
        [MessageTypes.Pong] = typeof(Pong),
        [MessageTypes.RecordingReady] = typeof(RecordingReady),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public override ServerMessage? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A control message must be a JSON object.");
        }

        var type = TypedObjects.ReadType(root);
        if (type is not null && Types.TryGetValue(type, out var messageType))
        {
            try
            {
                if (root.Deserialize(messageType, options) is ServerMessage message)
                {
                    return message;
                }
            }
            catch (JsonException)
            {
                // Fields that do not fit (a newer server, a bug): still handed over, as it came.
            }
        }

        return new UnknownServerMessage(type ?? string.Empty, root.Clone());
    }

    public override void Write(Utf8JsonWriter writer, ServerMessage value, JsonSerializerOptions options)
    {
        if (value is UnknownServerMessage unknown)
        {
            unknown.Raw.WriteTo(writer);
            return;
        }

        TypedObjects.Write(writer, value.Type, value, options);
    }
}

internal sealed class ClientMessageConverter : JsonConverter<ClientMessage>
{
    private static readonly FrozenDictionary<string, Type> Types = new Dictionary<string, Type>
    {
        [MessageTypes.Data] = typeof(SendData),
        [MessageTypes.Subscribe] = typeof(Subscribe),
        [MessageTypes.SetMeta] = typeof(SetMeta),
        [MessageTypes.Ping] = typeof(Ping),
        [MessageTypes.Lock] = typeof(LockRoom),
        [MessageTypes.Unlock] = typeof(UnlockRoom),
        [MessageTypes.Admit] = typeof(Admit),
        [MessageTypes.Deny] = typeof(Deny),
        [MessageTypes.Remove] = typeof(RemoveMember),
        [MessageTypes.MakeHost] = typeof(MakeHost),
        [MessageTypes.EndRoom] = typeof(EndRoom),
        [MessageTypes.Record] = typeof(RecordRoom),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public override ClientMessage? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var type = TypedObjects.ReadType(document.RootElement);
        if (type is null || !Types.TryGetValue(type, out var messageType))
        {
            throw new JsonException($"Unknown client message type '{type}'.");
        }

        return (ClientMessage?)document.RootElement.Deserialize(messageType, options);
    }

    public override void Write(Utf8JsonWriter writer, ClientMessage value, JsonSerializerOptions options) =>
        TypedObjects.Write(writer, value.Type, value, options);
}
