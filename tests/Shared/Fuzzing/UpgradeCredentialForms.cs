using System.Text;
using CsCheck;

namespace AvatarStream.Testing.Fuzzing;

// A WebSocket upgrade attempt: the request target (path and query) and the Sec-WebSocket-Protocol header lines.
public sealed record UpgradeAttempt(string Target, IReadOnlyList<string> ProtocolHeaders)
{
    public override string ToString() => $"GET {Target} [{string.Join(" | ", ProtocolHeaders)}]";
}

// Every credential form a stream instance's upgrade may meet, generated and mutated, in one place: add a form here
// when the server learns one. known holds real room/client pairs, so that some attempts get past the checks.
public static class UpgradeCredentialForms
{
    private static readonly string[] ProtocolNames = ["avatar-stream.v2", "avatar-stream.v1", "avatar-stream.v3", "avatar-stream", ""];

    public static Gen<UpgradeAttempt> Any(IReadOnlyList<(string RoomId, string ClientId)> known)
    {
        var pair = Pair(known);
        var generated = Gen.Frequency(
            (3, QueryString(pair)),
            (3, AuthSubprotocol(pair)),
            (2, SeedHeader(pair)),
            (2, Ticket),
            (1, Gen.Const(new UpgradeAttempt("/", []))));
        return Gen.Frequency((4, generated), (1, generated.SelectMany(Mutated)));
    }

    // What a v2 client sends: the first upgrade of a room like this one makes the room speak v2.
    public static UpgradeAttempt V2(string roomId, string clientId) => new(
        "/", [$"avatar-stream.v2, avatar-stream.auth.{Base64Url(Encoding.UTF8.GetBytes($$"""{"room_id":"{{roomId}}","client_id":"{{clientId}}"}"""))}"]);

    // ?room_id=&client_id= (the seed's and v1's form), with whichever protocols are offered.
    private static Gen<UpgradeAttempt> QueryString(Gen<(string RoomId, string ClientId)> pair) =>
        Gen.Select(pair, Gen.Int[0, 3], Offered).Select((ids, shape, protocols) => new UpgradeAttempt(
            shape switch
            {
                0 => $"/?room_id={Escape(ids.RoomId)}&client_id={Escape(ids.ClientId)}",
                1 => $"/?room_id={Escape(ids.RoomId)}",
                2 => $"/?client_id={Escape(ids.ClientId)}&room_id={Escape(ids.RoomId)}&room_id=00001",
                _ => $"/?room_id={ids.RoomId}&client_id={ids.ClientId}",
            },
            protocols));

    // avatar-stream.auth.<base64url JSON> beside the protocol names: the JSON a pair, a resume, or anything at all.
    private static Gen<UpgradeAttempt> AuthSubprotocol(Gen<(string RoomId, string ClientId)> pair)
    {
        var resume = FuzzJson.ObjectOf(["session", "secret", "last_seq"]);
        var json = Gen.Frequency(
            (3, Gen.Select(pair, resume, Gen.Bool).Select((ids, r, withResume) =>
                $"{{\"room_id\":{FuzzJson.Quote(ids.RoomId)},\"client_id\":{FuzzJson.Quote(ids.ClientId)}{(withResume ? ",\"resume\":" + r : "")}}}")),
            (2, FuzzJson.Document(["room_id", "client_id", "resume"])));
        var token = Gen.Frequency(
            (4, json.Select(j => Base64Url(Encoding.UTF8.GetBytes(j)))),
            (1, Gen.Byte.Array[0, 40].Select(Base64Url)),
            (1, Gen.Char["ABCXYZabcxyz0189+/=_-%.!"].Array[0, 40].Select(chars => new string(chars))));
        return Gen.Select(token, Offered, Gen.Bool).Select((t, protocols, ownLine) => new UpgradeAttempt(
            "/",
            ownLine ? [.. protocols, "avatar-stream.auth." + t] : [string.Join(", ", [.. protocols, "avatar-stream.auth." + t])]));
    }

    // The seed's raw header, which is no token list: {room_id: 00157, client_id: ...}, with or without quotes.
    private static Gen<UpgradeAttempt> SeedHeader(Gen<(string RoomId, string ClientId)> pair) =>
        Gen.Select(pair, Gen.Int[0, 3]).Select((ids, shape) => new UpgradeAttempt("/", [shape switch
        {
            0 => $"{{room_id: {ids.RoomId}, client_id: {ids.ClientId}}}",
            1 => $"{{\"room_id\": \"{ids.RoomId}\", 'client_id': '{ids.ClientId}'}}",
            2 => $"{{client_id: {ids.ClientId}, room_id: {ids.RoomId}, room_id}}",
            _ => $"{{room_id: {ids.RoomId}, client_id: {ids.ClientId}",
        }]));

    // ?ticket=, the one-time signed ticket that is to replace the pair: random and malformed tokens until the server
    // issues real ones, when create-room's ticket joins known's role here.
    private static Gen<UpgradeAttempt> Ticket =>
        Gen.Select(Gen.Byte.Array[0, 120], Gen.Int[0, 2], Offered).Select((bytes, shape, protocols) => new UpgradeAttempt(
            shape switch
            {
                0 => "/?ticket=" + Base64Url(bytes),
                1 => "/?ticket=" + Base64Url(bytes[..(bytes.Length / 2)]) + "." + Base64Url(bytes[(bytes.Length / 2)..]),
                _ => "/?ticket=" + Escape(Encoding.Latin1.GetString(bytes)) + "&ticket=",
            },
            protocols));

    // The protocols offered beside the credential: none, the known names, or an unknown one.
    private static Gen<string[]> Offered => Gen.OneOf(ProtocolNames).Array[0, 2];

    // Real pairs, pairs with one side taken from another pair, mangled ids, and anything at all.
    private static Gen<(string RoomId, string ClientId)> Pair(IReadOnlyList<(string RoomId, string ClientId)> known)
    {
        var id = Gen.Frequency(
            (2, Gen.Char["0123456789"].Array[0, 7].Select(chars => new string(chars))),
            (1, Gen.Guid.Select(g => g.ToString())),
            (1, Gen.Char.Array[0, 40].Select(chars => new string(chars))),
            (1, Gen.OneOf("", " ", "00157 ", "１２３４５", "0x1F", "-1", "%00", "null")));
        return known.Count == 0
            ? Gen.Select(id, id)
            : Gen.Frequency(
                (3, Gen.OneOf(known.ToArray())),
                (1, Gen.Select(Gen.OneOf(known.ToArray()), Gen.OneOf(known.ToArray())).Select((a, b) => (a.RoomId, b.ClientId))),
                (1, Gen.Select(Gen.OneOf(known.ToArray()), id).Select((a, other) => (a.RoomId, other))),
                (1, Gen.Select(id, id)));
    }

    // The attempt with its target or one header line mutated; CR and LF are kept out, so it stays one request.
    private static Gen<UpgradeAttempt> Mutated(UpgradeAttempt attempt) =>
        Gen.Int[0, attempt.ProtocolHeaders.Count].SelectMany(which => FuzzJson
            .Mutated(which == 0 ? attempt.Target : attempt.ProtocolHeaders[which - 1])
            .Select(bytes => Encoding.UTF8.GetString(bytes).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal))
            .Select(text => which == 0
                ? attempt with { Target = text.StartsWith('/') ? text : "/" + text }
                : attempt with { ProtocolHeaders = [.. attempt.ProtocolHeaders.Select((h, i) => i == which - 1 ? text : h)] }));

    private static string Escape(string text) => Uri.EscapeDataString(text);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
