using System.Net;
using System.Net.Http.Json;
using System.Text;
using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults;
using AvatarStream.StreamService.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AvatarStream.StreamService.Tests.Service;

public sealed class RegisterTests
{
    private const string Body = $$"""{"room_id":"00157","client_id":"{{ClientIds.Fixed}}"}""";

    [Theory(Timeout = 30_000)]
    [InlineData("Bearer " + FakeTokenSource.Token)]
    [InlineData("bearer " + FakeTokenSource.Token)]
    [InlineData(FakeTokenSource.Token)]
    public async Task RegisterWithTheTokenSeatsTheClientAndCreatesTheRoom(string authorization)
    {
        await using var app = new StreamServiceFactory();

        using var response = await PostAsync(app, authorization, Body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(app.Registry.HasSeat("00157", ClientIds.Fixed));
        Assert.Equal(1, app.Registry.RoomCount);
    }

    [Fact(Timeout = 30_000)]
    public async Task RegisterIsIdempotent()
    {
        await using var app = new StreamServiceFactory();
        using var first = await PostAsync(app, "Bearer " + FakeTokenSource.Token, Body);
        using var second = await PostAsync(app, "Bearer " + FakeTokenSource.Token, Body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, app.Registry.RoomCount);
        Assert.Equal(1, app.Metrics.Rooms);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(null)]
    [InlineData("Bearer wrong-token")]
    [InlineData("Bearer ")]
    [InlineData("Basic " + FakeTokenSource.Token)]
    public async Task RegisterWithoutTheTokenIs401(string? authorization)
    {
        await using var app = new StreamServiceFactory();

        using var response = await PostAsync(app, authorization, Body);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(ProblemTypes.Unauthorized, problem?.Type);
        Assert.False(app.Registry.HasSeat("00157", ClientIds.Fixed));
    }

    [Theory(Timeout = 30_000)]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("""{"room_id":"00157"}""")]
    [InlineData($$"""{"room_id":157,"client_id":"{{ClientIds.Fixed}}"}""")]
    [InlineData("""{"room_id":"00157","client_id":""}""")]
    [InlineData($$"""{"room_id":"../etc","client_id":"{{ClientIds.Fixed}}"}""")]
    [InlineData($$"""{"room_id":"123456","client_id":"{{ClientIds.Fixed}}"}""")]
    [InlineData($$"""{"room_id":"room-1","client_id":"{{ClientIds.Fixed}}"}""")]
    [InlineData("""{"room_id":"00157","client_id":"c-1"}""")]
    [InlineData("""{"room_id":"00157","client_id":"cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"}""")]
    public async Task MalformedRegisterIs400ProblemDetails(string body)
    {
        await using var app = new StreamServiceFactory();

        using var response = await PostAsync(app, "Bearer " + FakeTokenSource.Token, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(ProblemTypes.BadRequest, problem?.Type);
        Assert.Equal(0, app.Registry.RoomCount);
    }

    [Fact(Timeout = 30_000)]
    public async Task HealthAnswersHealthy()
    {
        await using var app = new StreamServiceFactory();
        using var http = app.CreateHttpClient();

        Assert.Equal("Healthy.", await http.GetStringAsync(InternalRoutes.Health));
    }

    private static async Task<HttpResponseMessage> PostAsync(StreamServiceFactory app, string? authorization, string body)
    {
        using var http = app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, InternalRoutes.Register) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await http.SendAsync(request);
    }
}
