using System.Net;
using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults.InternalAuth;
using Microsoft.Extensions.Time.Testing;

namespace AvatarStream.RoomRouter.Tests.InternalAuth;

public class SendInternalTests
{
    [Fact]
    public async Task RefusedCall_IsSentOnceMore_WithAFresherToken()
    {
        var clock = new FakeTimeProvider();
        var secret = new Dictionary<string, string> { [DaprNames.InternalTokenKey] = "old" };
        var tokens = new DaprSecretTokenSource(_ => Task.FromResult(new Dictionary<string, string>(secret)), clock);
        await tokens.GetAsync(refresh: false, CancellationToken.None);
        secret[DaprNames.InternalTokenKey] = "new";
        clock.Advance(TimeSpan.FromSeconds(5));
        var callee = new OnlyAccepts("Bearer new");
        using var client = new HttpClient(callee) { BaseAddress = new Uri("http://callee") };

        using var response = await client.SendInternalAsync(HttpMethod.Post, "/put-task", new { a = 1 }, tokens, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Bearer old", "Bearer new"], callee.Seen);
    }

    [Fact]
    public async Task RefusedCall_WithAnUnchangedToken_IsNotSentAgain()
    {
        var callee = new OnlyAccepts("Bearer other");
        using var client = new HttpClient(callee) { BaseAddress = new Uri("http://callee") };

        using var response = await client.SendInternalAsync(HttpMethod.Get, "/instances", null, TokenSources.Pinned("old"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["Bearer old"], callee.Seen);
    }

    private sealed class OnlyAccepts(string authorization) : HttpMessageHandler
    {
        public List<string> Seen { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var sent = string.Join(",", request.Headers.GetValues("Authorization"));
            Seen.Add(sent);
            return Task.FromResult(new HttpResponseMessage(sent == authorization ? HttpStatusCode.OK : HttpStatusCode.Unauthorized));
        }
    }
}
