using System.Text;
using AvatarStream.Testing.Fuzzing;
using CsCheck;

namespace AvatarStream.EndToEnd.Tests.Fuzz;

// One request of the black-box run: an HTTP request to the router or a stream instance, or an upgrade attempt.
public sealed record FuzzRequest(string Kind, Uri Server, string Method, string Path, byte[]? Body, string? ContentType, string[] Headers, UpgradeAttempt? Upgrade)
{
    public override string ToString() => Upgrade is { } upgrade
        ? $"{Kind} {Server} {upgrade}"
        : $"{Kind} {Method} {Server}{Path.TrimStart('/')} [{ContentType}] [{string.Join(" | ", Headers)}] {Encoding.UTF8.GetString(Body ?? [])}";
}

// Requests a client of the public API might send, and many it never would.
public static class FuzzRequests
{
    private static readonly string[] BodyFields = ["name", "lobby", "join_window_seconds", "max_clients", "room_id", "client_id", "key"];

    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "FUZZ"];

    private static readonly string[] Paths =
    [
        "/", "/health", "/healthz", "/metrics", "/create-room", "/join-room", "/openapi/v1.json", "/instances", "/put-task",
        "/register", "/remove-client", "/evict", "/index.html", "/%2e%2e/%2e%2e/etc/passwd", "/%00", "/create-room/../join-room",
    ];

    private static readonly string?[] ContentTypes = [null, "application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "a/b;;="];

    private static readonly string[] Headers =
    [
        "Origin: http://evil.example", "Origin: null", "Authorization: Bearer not-a-token", "Authorization: Basic Og==",
        "X-Forwarded-For: 10.0.0.1", "Accept: application/xml", "Transfer-Encoding: gzip", "Expect: 100-continue", "Cookie: a=b",
    ];

    // known: real room/client pairs, the first naming the room that the API bodies aim at; tickets: theirs.
    public static Gen<FuzzRequest> Any(Uri router, Uri stream, IReadOnlyList<(string RoomId, string ClientId)> known, string[] tickets)
    {
        var (roomId, clientId) = known[0];
        var valid = $$"""{"room_id":"{{roomId}}","client_id":"{{clientId}}","name":"Ada","max_clients":8}""";
        var body = Gen.Frequency(
            (3, FuzzJson.Document(BodyFields, roomId, clientId).Select(Encoding.UTF8.GetBytes)),
            (2, FuzzJson.Mutated(valid)),
            (1, Gen.Const(Array.Empty<byte>())));
        var headers = Gen.OneOf(Headers).Array[0, 2];
        var api = Gen.Select(Gen.OneOf("/create-room", "/join-room"), body, Gen.OneOf(ContentTypes), headers)
            .Select((path, bytes, type, extra) => new FuzzRequest("api", router, "POST", path, bytes, type, extra, null));
        var path = Gen.Frequency(
            (4, Gen.OneOf(Paths)),
            (1, Gen.Char.Array[0, 40].Select(chars => "/" + Uri.EscapeDataString(new string(chars)))),
            (1, Gen.Int[1000, 9000].Select(n => "/" + new string('a', n))));
        var random = Gen.Select(Gen.OneOf(router, stream), Gen.OneOf(Methods), path, body, Gen.OneOf(ContentTypes), headers)
            .Select((server, method, p, bytes, type, extra) => new FuzzRequest("random", server, method, p, bytes, type, extra, null));
        var upgrade = UpgradeCredentialForms.Any(known, Gen.OneOf(tickets))
            .Select(attempt => new FuzzRequest("upgrade", stream, "GET", attempt.Target, null, null, [], attempt));
        return Gen.Frequency((3, api), (2, random), (3, upgrade));
    }
}
