using System.Net;
using System.Text.Json;
using AvatarStream.ServiceDefaults;

namespace AvatarStream.RoomRouter.Tests;

internal static class ProblemAssert
{
    // Asserts an RFC 7807 answer with this status and type, and a human detail.
    public static async Task IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(type, problem.RootElement.GetProperty("type").GetString());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
    }

    // Asserts a 400 bad-request problem whose detail names what was wrong (a field, say).
    public static async Task IsBadRequestNamingAsync(HttpResponseMessage response, string named)
    {
        await IsProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.BadRequest);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(named, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
