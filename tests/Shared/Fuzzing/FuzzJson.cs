using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace AvatarStream.Testing.Fuzzing;

// Generators of hostile JSON and of mutations of valid bytes, shared as source by the fuzz tests of every project.
// JSON is built as text, not through a serializer, so it can hold what no serializer writes: duplicate keys, lone
// surrogate escapes, numbers past every integer type, raw control characters, nesting past the parsers' limits.
public static class FuzzJson
{
    private static readonly string[] Words =
    [
        "", " ", "Guest", "Ada", "host", "guest", "00157", "157", "99999", "100000", "0", "-1", "true", "null",
        "ping", "data", "subscribe", "set_meta", "lock", "unlock", "admit", "make_host", "welcome", "error",
        "6f1c0a52-1b7e-4a3c-9d3e-0c2b5a7e9f10", "6F1C0A52-1B7E-4A3C-9D3E-0C2B5A7E9F10", "{6f1c0a52-1b7e-4a3c-9d3e-0c2b5a7e9f10}",
        "  padded  ", "a\tb", "é漢字😀", "\u202Eevil", "\uFEFF", new string('x', 41), new string('y', 300),
    ];

    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "2", "3", "49", "50", "51", "157", "99999", "100000", "86400", "86401", "1.0", "1e3", "1E+2", "-1",
        "0.5", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "1e400", "-1e-400",
        "123456789012345678901234567890", "00157", "+1", ".5", "NaN", "Infinity", "0x10",
    ];

    // Raw text pieces that are no valid JSON string content, or that decode to no valid Unicode.
    private static readonly string[] HostileEscapes = ["\\ud800", "\\udfff", "\\ud800\\u0041", "\\u0000", "\\x41", "\\", "\u0001", "\u001f", "\n"];

    public static readonly Gen<string> Text = Gen.Frequency(
        (6, Gen.OneOf(Words).Select(Quote)),
        (3, Gen.Char.Array[0, 24].Select(chars => Quote(new string(chars)))),
        (2, Gen.OneOf(HostileEscapes).Select(escape => "\"" + escape + "\"")),
        (1, Gen.Int[0, 70].Select(n => Quote(new string('é', n)))));

    public static readonly Gen<string> Number = Gen.Frequency(
        (3, Gen.OneOf(Numbers)),
        (2, Gen.Int.Select(n => n.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "1e999")));

    // Any value, nested at most a few levels.
    public static readonly Gen<string> Value = Gen.Recursive<string>((depth, value) => depth >= 3
        ? Scalar
        : Gen.Frequency(
            (6, Scalar),
            (1, value.List[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Select(Text, value).List[0, 4].Select(Object))));

    // Nesting as deep as 300: past JsonDocument's default 64 and the stream service's 32.
    public static readonly Gen<string> DeeplyNested = Gen.Select(Gen.Int[20, 300], Gen.Bool).Select((depth, arrays) => arrays
        ? new string('[', depth) + new string(']', depth)
        : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth));

    private static Gen<string> Scalar => Gen.Frequency((3, Text), (3, Number), (1, Gen.OneOf("true", "false", "null")));

    // An object whose keys are mostly the given fields (each may appear twice) and whose values are of any type;
    // extraValues (a real room id, say) show up among them so that some bodies get past validation.
    public static Gen<string> ObjectOf(IReadOnlyList<string> fields, params string[] extraValues)
    {
        var key = Gen.Frequency((5, Gen.OneOf(fields.ToArray()).Select(Quote)), (1, Text));
        var value = extraValues.Length == 0 ? Value : Gen.Frequency((4, Value), (2, Gen.OneOf(extraValues).Select(Quote)));
        return Gen.Select(key, value).List[0, 6].Select(Object);
    }

    // A top-level document: mostly objects of the fields, sometimes any value, deep nesting or no JSON at all.
    public static Gen<string> Document(IReadOnlyList<string> fields, params string[] extraValues) => Gen.Frequency(
        (8, ObjectOf(fields, extraValues)),
        (1, Value),
        (1, DeeplyNested),
        (1, Gen.Char.Array[0, 30].Select(chars => new string(chars))));

    // One to three byte flips, truncations, insertions or deletions of valid bytes.
    public static Gen<byte[]> Mutated(byte[] valid) =>
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, int.MaxValue], Gen.Byte.Array[1, 4]).Array[1, 3].Select(edits =>
        {
            var bytes = valid.ToList();
            foreach (var (kind, at, noise) in edits)
            {
                var position = bytes.Count == 0 ? 0 : at % bytes.Count;
                switch (kind)
                {
                    case 0 when bytes.Count > 0:
                        bytes[position] ^= (byte)(1 << (noise[0] % 8));
                        break;
                    case 1:
                        bytes.RemoveRange(position, bytes.Count - position);
                        break;
                    case 2:
                        bytes.InsertRange(position, noise);
                        break;
                    case 3 when bytes.Count > 0:
                        bytes.RemoveRange(position, Math.Min(noise.Length, bytes.Count - position));
                        break;
                }
            }

            return bytes.ToArray();
        });

    public static Gen<byte[]> Mutated(string valid) => Mutated(Encoding.UTF8.GetBytes(valid));

    public static string Quote(string text) => JsonSerializer.Serialize(text);

    private static string Object(IEnumerable<(string Key, string Value)> members) =>
        "{" + string.Join(",", members.Select(m => m.Key + ":" + m.Value)) + "}";
}
