using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AvatarStream.Testing.Fuzzing;
using CsCheck;
using Xunit.Abstractions;

namespace AvatarStream.RoomRouter.Tests.Fuzz;

// Generated and mutated bodies with random content types, POSTed to the public API of the in-process router:
// every answer is one the API documents, and every refusal is a problem with a type. An exception thrown by the app
// reaches the test client as one, so "nothing throws" is checked too.
public sealed class RouterBodyFuzzTests(ITestOutputHelper output)
{
    private const int Requests = 1500;

    private static readonly int[] Documented = [200, 400, 403, 404, 410, 413, 415, 429, 503];

    private static readonly string[] Fields = ["name", "lobby", "join_window_seconds", "max_clients", "room_id", "client_id", "key"];

    private static readonly string?[] ContentTypes =
    [
        null, "application/json", "application/json; charset=utf-8", "application/json; charset=utf-16", "text/plain",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/problem+json", "*/*", "a/b/c;;=", "",
    ];

    [Fact]
    public async Task GeneratedAndMutatedBodies_AreAnsweredWithDocumentedStatusesAndProblemTypes()
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();
        var ticket = await client.PostAsync("/create-room", null).ReadTicketAsync();
        var valid = $$"""{"room_id":"{{ticket.RoomId}}","client_id":"{{ticket.ClientId}}","name":"Ada","lobby":false,"max_clients":8}""";
        var body = Gen.Frequency(
            (4, FuzzJson.Document(Fields, ticket.RoomId, ticket.ClientId).Select(Encoding.UTF8.GetBytes)),
            (3, FuzzJson.Mutated(valid)),
            (1, Gen.Int[4000, 6000].Select(n => Encoding.UTF8.GetBytes(valid[..^1] + ",\"pad\":\"" + new string(' ', n) + "\"}"))));
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var request = Gen.Select(Gen.OneOf("/create-room", "/join-room"), body, Gen.OneOf(ContentTypes));

        await FuzzCases.CheckAsync(
            request,
            Requests,
            async request =>
            {
                var (path, bytes, contentType) = request;
                using var content = new ByteArrayContent(bytes);
                content.Headers.ContentType = null;
                if (contentType is not null)
                {
                    content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                }

                using var response = await client.PostAsync(path, content);
                await AssertDocumentedAsync(response);
                var key = $"{path} {(int)response.StatusCode}";
                counts[key] = counts.GetValueOrDefault(key) + 1;
            },
            t => $"{t.Item1} [{t.Item3}] {Encoding.UTF8.GetString(t.Item2)}");
        output.WriteLine(string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value}")));

        // The bodies reach past validation on both routes, so more than the 400 path is exercised.
        Assert.True(counts.ContainsKey("/create-room 200") && counts.ContainsKey("/join-room 200"), string.Join(", ", counts));
    }

    private static async Task AssertDocumentedAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(Documented.Contains(status), $"{status}: {text}");
        if (status != 200)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(text);
            Assert.Equal(JsonValueKind.String, problem.RootElement.GetProperty("type").ValueKind);
        }
    }
}
