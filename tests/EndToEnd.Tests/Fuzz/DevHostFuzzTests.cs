using System.Diagnostics;
using System.Net;
using System.Text.Json;
using AvatarStream.Client;
using AvatarStream.Client.Messages;
using AvatarStream.EndToEnd.Tests.ProtocolV2;
using AvatarStream.Testing.Fuzzing;
using AvatarStream.Tests.Shared;
using CsCheck;
using Xunit.Abstractions;

namespace AvatarStream.EndToEnd.Tests.Fuzz;

// A black-box run against the real system (devhost as a child process): thousands of random and mutated requests to
// the router's public API, random requests to the router and a stream instance, and upgrade attempts on the instance
// of a real ticket. None may be answered with a 5xx; afterwards /health is still OK and a real room still works.
// DevHostProcess raises the limits per client address out of reach; a 429 would still be an answer like any other.
public sealed class DevHostFuzzTests(ITestOutputHelper output)
{
    private const int Requests = 3000;
    private static readonly TimeSpan RunFor = TimeSpan.FromSeconds(60);

    [Fact(Timeout = 300_000)]
    public async Task RandomRequestsAndUpgrades_AreNeverA5xx_AndTheSystemKeepsServing()
    {
        await using var devhost = await DevHostProcess.StartAsync(new Dictionary<string, string>());
        using var http = new HttpClient { BaseAddress = new Uri(devhost.BaseUrl + "/"), Timeout = TimeSpan.FromSeconds(15) };
        var router = new RoomRouterClient(http);
        var ticket = await router.CreateRoomAsync(name: "Fuzz");
        var guest = await router.JoinRoomAsync(ticket.RoomId, name: "Guest", key: ticket.JoinKey);
        var stream = new Uri(ticket.StreamUrl.Replace("ws://", "http://", StringComparison.Ordinal));

        // The room speaks v2; the guest's ticket is left for the run, which may spend it once.
        Assert.Equal(101, await RawUpgrade.StatusAsync(stream, UpgradeCredentialForms.V2(ticket.Ticket)));

        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        await FuzzCases.CheckAsync(
            FuzzRequests.Any(http.BaseAddress, stream, [(ticket.RoomId, ticket.ClientId), (guest.RoomId, guest.ClientId)], [ticket.Ticket, guest.Ticket]),
            Requests,
            async request =>
            {
                // Bounded by time as well as by count: past it, the remaining samples are skipped.
                if (clock.Elapsed > RunFor)
                {
                    return;
                }

                var status = await SendAsync(http, request);
                if (status >= 500)
                {
                    Assert.Fail($"{status} for {request}\n{devhost.Output()}");
                }

                var key = $"{request.Kind} {status}";
                counts[key] = counts.GetValueOrDefault(key) + 1;
            });
        output.WriteLine($"{counts.Values.Sum()} requests in {clock.Elapsed.TotalSeconds:F0} s: {string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value}"))}");

        using var health = await http.GetAsync("health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await AssertARealRoomWorksAsync(router);
    }

    private static async Task<int> SendAsync(HttpClient http, FuzzRequest request)
    {
        if (request.Upgrade is { } upgrade)
        {
            return await RawUpgrade.StatusAsync(request.Server, upgrade);
        }

        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.Server, request.Path));
        if (request.Body is { Length: > 0 } body)
        {
            message.Content = new ByteArrayContent(body);
            if (request.ContentType is { } type)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }
        }

        foreach (var header in request.Headers)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            message.Headers.TryAddWithoutValidation(header[..colon], header[(colon + 1)..].Trim());
        }

        using var response = await http.SendAsync(message);
        return (int)response.StatusCode;
    }

    private static async Task AssertARealRoomWorksAsync(RoomRouterClient router)
    {
        var hostTicket = await router.CreateRoomAsync(name: "After");
        await using var host = await TestMember.ConnectAsync(hostTicket);
        await host.NextAsync<Welcome>();
        await using var guest = await TestMember.ConnectAsync(await router.JoinRoomAsync(hostTicket.RoomId, name: "Guest", key: hostTicket.JoinKey));
        await guest.NextAsync<Welcome>();

        await guest.SendAsync(new SendData(JsonDocument.Parse("\"still serving\"").RootElement));
        Assert.Equal("still serving", (await host.NextAsync<DataReceived>()).Data.GetString());
    }
}
