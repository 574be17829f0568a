using System.Net.WebSockets;
using AvatarStream.Contracts;
using AvatarStream.StreamService.Tests.Infrastructure;
using AvatarStream.Testing.Fuzzing;
using CsCheck;
using Xunit.Abstractions;

namespace AvatarStream.StreamService.Tests.Fuzz;

// Upgrade attempts in every credential form, generated and mutated around real pairs of a v1 and a v2 room and fresh
// tickets for them: each is answered with a refusal the protocol documents or a 101, never a 5xx; afterwards a
// registered client still connects.
public sealed class UpgradeCredentialFuzzTests(ITestOutputHelper output)
{
    private const int Attempts = 1500;

    // 404 and 405: a mutated target that is no longer "/".
    private static readonly int[] Answers = [101, 400, 401, 403, 404, 405, 409, 410, 429];

    [Fact(Timeout = 120_000)]
    public async Task EveryCredentialFormIsRefusedOrAccepted_NeverA5xx_AndTheServiceKeepsServing()
    {
        await using var app = new StreamServiceFactory();
        var known = new List<(string RoomId, string ClientId)> { ("00001", ClientIds.New()), ("00001", ClientIds.New()), ("00002", ClientIds.New()) };
        await RegisterAsync(app, known);

        // The first socket fixes a room's protocol: 00001 speaks v1, 00002 v2, so both sides of a mismatch are met.
        using (var v1 = await TestSocket.ConnectAsync(app.SocketUri("00001", known[0].ClientId), known[0].ClientId))
        {
            using var v2 = (await V2Socket.ConnectAsync(app.Address, "00002", known[2].ClientId)).Socket;
        }

        var counts = new SortedDictionary<int, int>();
        await FuzzCases.CheckAsync(
            UpgradeCredentialForms.Any(known, Gen.OneOf(known.ToArray()).Select(pair => TestTickets.For(pair.RoomId, pair.ClientId, RoomRoles.Host, app.InstanceId))),
            Attempts,
            async attempt =>
            {
                var status = await RawUpgrade.StatusAsync(app.Address, attempt);
                Assert.Contains(status, Answers);
                counts[status] = counts.GetValueOrDefault(status) + 1;
                if (status == 101)
                {
                    // The socket is dropped at once, and a v1 client that leaves gives up its seat: keep the pairs real.
                    await RegisterAsync(app, known);
                }
            });
        output.WriteLine(string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value}")));

        // The forms reach past the parser: real pairs get in, and both sides of a protocol mismatch are met.
        Assert.True(counts.ContainsKey(101) && counts.ContainsKey(401) && counts.ContainsKey(409), string.Join(", ", counts));

        using var first = await app.JoinAsync("00003");
        using var second = await app.JoinAsync("00003");
        await first.SendAsync([1, 2, 3]);
        var (type, payload) = await second.ReceiveAsync();
        Assert.Equal(WebSocketMessageType.Binary, type);
        Assert.Equal([1, 2, 3], payload);
        var host = await app.JoinV2Async("00004", RoomRoles.Host);
        using var hostSocket = host.Socket;
        await host.NextAsync("welcome");
    }

    private static async Task RegisterAsync(StreamServiceFactory app, IEnumerable<(string RoomId, string ClientId)> pairs)
    {
        foreach (var (roomId, clientId) in pairs)
        {
            await app.RegisterAsync(new RegisterRequest(roomId, clientId, RoomRoles.Host));
        }
    }
}
