using System.Text;
using CsCheck;

namespace AvatarStream.Testing.Fuzzing;

// A WebSocket upgrade attempt: the request target (path and query) and the Sec-WebSocket-Protocol header lines.
public sealed record UpgradeAttempt(string Target, IReadOnlyList<string> ProtocolHeaders)
{
    public override string ToString() => $"GET {Target} [{string.Join(" | ", ProtocolHeaders)}]";
}

// Every credential form a stream instance's upgrade may meet, generated and mutated, in one place: add a form here
// when the server learns one. pairs are real room/client pairs and tickets gives tickets for them (fresh ones where
// the test can mint them; one-time tickets are refused once spent), so that some attempts get past the checks.
public static class UpgradeCredentialForms
{
    private const string StreamProtocolAuthPrefix = "avatar-stream.auth.";

    private static readonly string[] ProtocolNames = ["avatar-stream.v2", "avatar-stream.v1", "avatar-stream.v3", "avatar-stream", ""];

    public static Gen<UpgradeAttempt> Any(IReadOnlyList<(string RoomId, string ClientId)> pairs, Gen<string> tickets)
    {
        var pair = Pair(pairs);
        var ticket = Ticket(tickets);
        var generated = Gen.Frequency(
            (3, TicketQuery(ticket)),
            (3, AuthSubprotocol(pair, ticket)),
            (2, SeedHeader(pair, ticket)),
            (2, PairQuery(pair)),
            (1, Gen.Const(new UpgradeAttempt("/", []))));
        return Gen.Frequency((4, generated), (1, generated.SelectMany(Mutated)));
    }

    // What a v2 client sends: the first upgrade of a room like this one makes the room speak v2.
    public static UpgradeAttempt V2(string ticket) => new("/", [$"avatar-stream.v2, {Auth($$"""{"ticket":{{FuzzJson.Quote(ticket)}}}""")}"]);

    // ?ticket=, with whichever protocols are offered; a repeated ticket parameter too.
    private static Gen<UpgradeAttempt> TicketQuery(Gen<string> ticket) =>
        Gen.Select(ticket, Gen.Bool, Offered).Select((t, twice, protocols) =>
            new UpgradeAttempt($"/?ticket={Escape(t)}{(twice ? "&ticket=" : "")}", protocols));

    // ?room_id=&client_id=, the seed's form: a client id is no credential since tickets, and must stay refused.
    private static Gen<UpgradeAttempt> PairQuery(Gen<(string RoomId, string ClientId)> pair) =>
        Gen.Select(pair, Gen.Int[0, 2], Offered).Select((ids, shape, protocols) => new UpgradeAttempt(
            shape switch
            {
                0 => $"/?room_id={Escape(ids.RoomId)}&client_id={Escape(ids.ClientId)}",
                1 => $"/?room_id={Escape(ids.RoomId)}",
                _ => $"/?room_id={ids.RoomId}&client_id={ids.ClientId}",
            },
            protocols));

    // avatar-stream.auth.<base64url JSON> beside the protocol names: a ticket, a resume alone, the seed's pair, or
    // anything at all.
    private static Gen<UpgradeAttempt> AuthSubprotocol(Gen<(string RoomId, string ClientId)> pair, Gen<string> ticket)
    {
        var resume = FuzzJson.ObjectOf(["session", "secret", "last_seq"]);
        var json = Gen.Frequency(
            (3, Gen.Select(ticket, resume, Gen.Bool).Select((t, r, withResume) =>
                $"{{\"ticket\":{FuzzJson.Quote(t)}{(withResume ? ",\"resume\":" + r : "")}}}")),
            (1, Gen.Select(pair, resume).Select((ids, r) => $"{{\"room_id\":{FuzzJson.Quote(ids.RoomId)},\"resume\":{r}}}")),
            (1, pair.Select(ids => $"{{\"room_id\":{FuzzJson.Quote(ids.RoomId)},\"client_id\":{FuzzJson.Quote(ids.ClientId)}}}")),
            (2, FuzzJson.Document(["ticket", "room_id", "client_id", "resume"])));
        var token = Gen.Frequency(
            (4, json.Select(Auth)),
            (1, Gen.Byte.Array[0, 40].Select(bytes => StreamProtocolAuthPrefix + Base64Url(bytes))),
            (1, Gen.Char["ABCXYZabcxyz0189+/=_-%.!"].Array[0, 40].Select(chars => StreamProtocolAuthPrefix + new string(chars))));
        return Gen.Select(token, Offered, Gen.Bool).Select((t, protocols, ownLine) => new UpgradeAttempt(
            "/",
            ownLine ? [.. protocols, t] : [string.Join(", ", [.. protocols, t])]));
    }

    // The seed's raw header, which is no token list: {ticket: ...}, once {room_id: 00157, client_id: ...}, with or
    // without quotes.
    private static Gen<UpgradeAttempt> SeedHeader(Gen<(string RoomId, string ClientId)> pair, Gen<string> ticket) =>
        Gen.Select(pair, ticket, Gen.Int[0, 4]).Select((ids, t, shape) => new UpgradeAttempt("/", [shape switch
        {
            0 => $"{{ticket: {t}}}",
            1 => $"{{\"room_id\": \"{ids.RoomId}\", 'ticket': '{t}'}}",
            2 => $"{{room_id: {ids.RoomId}, client_id: {ids.ClientId}}}",
            3 => $"{{ticket: {t}, ticket}}",
            _ => $"{{ticket: {t}",
        }]));

    // Real tickets, real ones with a character changed or cut short, and made-up ones.
    private static Gen<string> Ticket(Gen<string> tickets) => Gen.Frequency(
        (3, tickets),
        (2, tickets.SelectMany(t => FuzzJson.Mutated(t)).Select(bytes => Encoding.UTF8.GetString(bytes))),
        (1, Gen.Byte.Array[0, 60].Array[1, 4].Select(parts => string.Join(".", parts.Select(Base64Url)))),
        (1, Gen.OneOf("", " ", "null", "a.b.c", "..", "%00")));

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

    // The attempt with its target or one header line mutated.
    private static Gen<UpgradeAttempt> Mutated(UpgradeAttempt attempt) =>
        Gen.Int[0, attempt.ProtocolHeaders.Count].SelectMany(which => FuzzJson
            .Mutated(which == 0 ? attempt.Target : attempt.ProtocolHeaders[which - 1])
            .Select(bytes => Encoding.UTF8.GetString(bytes))
            .Select(text => which == 0
                ? attempt with { Target = text.StartsWith('/') ? text : "/" + text }
                : attempt with { ProtocolHeaders = [.. attempt.ProtocolHeaders.Select((h, i) => i == which - 1 ? text : h)] }));

    private static string Auth(string json) => StreamProtocolAuthPrefix + Base64Url(Encoding.UTF8.GetBytes(json));

    private static string Escape(string text) => Uri.EscapeDataString(text);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
