using System.Net.WebSockets;
using AvatarStream.Contracts;
using AvatarStream.StreamService.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AvatarStream.StreamService.Tests.Service.V2;

public sealed class ShutdownTests
{
    // The room outlives the instance's stop: members get 1001 (reconnect), no room_ended, and no departure is reported.
    [Fact(Timeout = 30_000)]
    public async Task StoppingTheInstanceClosesV2MembersWith1001AndEndsNothing()
    {
        await using var app = new StreamServiceFactory();
        var host = await app.JoinV2Async("00157", RoomRoles.Host);
        await host.NextAsync("welcome");
        var guest = await app.JoinV2Async("00157");
        await guest.NextAsync("welcome");
        await host.NextAsync("member_joined");

        var closes = new[] { CloseAfterControlAsync(host), CloseAfterControlAsync(guest) };
        app.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        foreach (var (status, types) in await Task.WhenAll(closes))
        {
            Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, status);
            Assert.DoesNotContain("room_ended", types);
            Assert.DoesNotContain("member_left", types);
        }

        Assert.Empty(app.Router.Removals);
        Assert.Empty(app.Router.EndedRooms);
    }

    private static async Task<(WebSocketCloseStatus? Status, List<string> Types)> CloseAfterControlAsync(V2Socket socket)
    {
        var types = new List<string>();
        while (true)
        {
            var (type, payload) = await socket.Socket.ReceiveAsync();
            if (type == WebSocketMessageType.Close)
            {
                return (socket.Raw.CloseStatus, types);
            }

            types.Add(System.Text.Json.JsonDocument.Parse(payload).RootElement.GetProperty("type").GetString()!);
        }
    }
}
