using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using AvatarStream.Testing.Fuzzing;
using CsCheck;

namespace AvatarStream.StreamService.Tests.Fuzz;

// A frame a v2 member sends: text or binary bytes.
public sealed record V2Frame(bool Binary, byte[] Bytes)
{
    private static readonly string[] KnownTypes = ["data", "subscribe", "set_meta", "ping", "lock", "unlock", "admit", "deny", "remove", "make_host", "end_room"];

    // Refused whatever the room's state: a bad media header, a text frame over 64 KiB, or no JSON object with a
    // string type naming a known message.
    public bool SurelyBad => Binary
        ? Bytes.Length < 2 || Bytes[0] is < 1 or > 3 || Bytes[1] > 2
        : Bytes.Length > 64 * 1024 || !NamesAKnownType(Bytes);

    public override string ToString() => (Binary ? "binary " : "text ") + (Binary
        ? Convert.ToHexString(Bytes.AsSpan(0, Math.Min(Bytes.Length, 32)))
        : Encoding.UTF8.GetString(Bytes.AsSpan(0, Math.Min(Bytes.Length, 300))));

    private static bool NamesAKnownType(byte[] utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 32 });
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("type", out var type) &&
                type.ValueKind == JsonValueKind.String && KnownTypes.Contains(type.GetString());
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return false;
        }
    }
}

// Generated and mutated v2 frames. Messages that end other members by design (end_room, remove, deny) are left out,
// so that the other member of the room can be checked afterwards; everything else a host may send is in.
public static class V2Frames
{
    private static readonly string[] Fields = ["type", "id", "data", "to", "feeds", "all", "layer", "meta", "member", "t"];

    private static readonly string[] Valid =
    [
        """{"type":"ping","t":1}""", """{"type":"data","data":{"text":"hi"},"id":"m-1"}""", """{"type":"data","to":[2,3],"data":1}""",
        """{"type":"subscribe","feeds":[{"member":2,"layer":1}]}""", """{"type":"subscribe","all":true,"layer":2}""",
        """{"type":"set_meta","meta":{"camera":false}}""", """{"type":"lock"}""", """{"type":"unlock"}""",
        """{"type":"admit","member":2}""", """{"type":"make_host","member":2,"id":7}""",
    ];

    public static readonly Gen<V2Frame> Text = Gen.Frequency(
        (4, FuzzJson.Document(Fields, "ping", "data", "subscribe", "set_meta", "lock", "admit", "make_host").Select(Encoding.UTF8.GetBytes)),
        (4, Gen.OneOf(Valid).SelectMany(FuzzJson.Mutated)),
        (1, Gen.Int[60_000, 64 * 1024 - 40].Select(n => Encoding.UTF8.GetBytes($$"""{"type":"data","data":"{{new string('x', n)}}"}"""))),
        (1, Gen.Int[64 * 1024 + 1, 80_000].Select(n => Encoding.UTF8.GetBytes($$"""{"type":"ping","t":"{{new string('x', n)}}"}""")))
    ).Where(bytes => Utf8.IsValid(bytes)).Select(bytes => new V2Frame(false, bytes));

    // Text frames that are no valid UTF-8, which RFC 6455 (8.1) has the transport close with 1007 before the service
    // sees them: kept apart from the frames above, which must leave the socket open.
    public static readonly Gen<byte[]> InvalidUtf8 = Gen.OneOf(Valid).SelectMany(FuzzJson.Mutated).Where(bytes => !Utf8.IsValid(bytes));

    // Random headers, empty and one-byte frames among them.
    public static readonly Gen<V2Frame> Media = Gen.Frequency(
        (3, Gen.Byte.Array[0, 8]),
        (1, Gen.Select(Gen.Byte[1, 3], Gen.Byte[0, 2], Gen.Byte.Array[0, 16]).Select((kind, layer, payload) => (byte[])[kind, layer, .. payload]))
    ).Select(bytes => new V2Frame(true, bytes));

    public static readonly Gen<V2Frame> Any = Gen.Frequency((3, Text), (1, Media));

    public static readonly Gen<V2Frame> Bad = Any.Where(frame => frame.SurelyBad);
}
