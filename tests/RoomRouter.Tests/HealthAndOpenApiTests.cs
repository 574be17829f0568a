using System.Net;
using System.Text.Json;

namespace AvatarStream.RoomRouter.Tests;

public class HealthAndOpenApiTests
{
    [Fact]
    public async Task Health_AnswersTheSeedsText()
    {
        await using var app = new RouterApplication();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy.", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/create-room", "post", new[] { "200", "400", "403", "413", "429", "503" })]
    [InlineData("/join-room", "post", new[] { "200", "400", "403", "404", "410", "413", "429", "503" })]
    [InlineData("/put-task", "post", new[] { "200", "400", "401", "413", "503" })]
    [InlineData("/remove-client", "post", new[] { "200", "400", "401", "413", "503" })]
    [InlineData("/end-room", "post", new[] { "200", "400", "401", "413", "503" })]
    [InlineData("/evict-instance", "post", new[] { "200", "400", "401", "413", "503" })]
    [InlineData("/instances", "get", new[] { "200", "401", "503" })]
    public async Task OpenApi_ListsEveryOutcome(string path, string method, string[] statuses)
    {
        await using var app = new RouterApplication();
        using var client = app.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var responses = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
        Assert.Equal(statuses.Order(), responses.EnumerateObject().Select(r => r.Name).Order());
    }

    [Theory]
    [InlineData("/create-room", "CreateRoomBody", false, new[] { "name", "lobby", "join_window_seconds", "max_clients", "access" })]
    [InlineData("/join-room", "JoinRoomBody", true, new[] { "room_id", "client_id", "name", "key" })]
    [InlineData("/end-room", "EndRoomRequest", true, new[] { "room_id" })]
    public async Task OpenApi_DescribesEachRequestBody(string path, string schema, bool required, string[] properties)
    {
        await using var app = new RouterApplication();
        using var client = app.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var body = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("requestBody");
        Assert.Equal(required, body.TryGetProperty("required", out var flag) && flag.GetBoolean());
        Assert.Equal(
            $"#/components/schemas/{schema}",
            body.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        var described = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("properties");
        Assert.Equal(properties.Order(), described.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task OpenApi_DescribesTheTicketInSnakeCase()
    {
        await using var app = new RouterApplication();
        using var client = app.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"room_id\"", document, StringComparison.Ordinal);
        Assert.Contains("\"client_id\"", document, StringComparison.Ordinal);
        Assert.Contains("\"stream_url\"", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_TheAnswerCarriesTheRoleTheProtocolsTheTicketAndTheJoinKey()
    {
        await using var app = new RouterApplication();
        using var client = app.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var ticket = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("RoomTicket").GetProperty("properties");
        Assert.Equal(["client_id", "join_key", "knocking", "protocols", "role", "room_id", "stream_url", "ticket"], ticket.EnumerateObject().Select(p => p.Name).Order());
    }
}
