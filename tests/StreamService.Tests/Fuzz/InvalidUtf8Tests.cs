using System.Net.WebSockets;
using AvatarStream.Contracts;
using AvatarStream.StreamService.Tests.Infrastructure;
using AvatarStream.Testing.Fuzzing;
using CsCheck;

namespace AvatarStream.StreamService.Tests.Fuzz;

// A text frame that is no valid UTF-8 fails the connection, as RFC 6455 (8.1) requires of the transport: the one
// exception to "one bad message does not close the socket". What is checked is that it ends there: the others in the
// room are still served, and the member comes back with a fresh socket.
public sealed class InvalidUtf8Tests
{
    private const int Samples = 12;

    [Fact(Timeout = 120_000)]
    public async Task InvalidUtf8ClosesOnlyThatSocket_AndTheMemberCanComeBack()
    {
        await using var app = new StreamServiceFactory();
        var room = 0;

        await FuzzCases.CheckAsync(
            V2Frames.InvalidUtf8,
            Samples,
            async bytes =>
            {
                var roomId = (++room).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
                using var host = (await app.JoinV2Async(roomId, RoomRoles.Host)).Socket;
                var clientId = ClientIds.New();
                var guest = await app.JoinV2Async(roomId, clientId: clientId);
                await guest.NextAsync("welcome");

                await guest.Socket.SendAsync(bytes, WebSocketMessageType.Text);
                await AssertClosedAsync(guest.Socket);
                guest.Socket.Dispose();

                var hostSocket = new V2Socket(host);
                await hostSocket.SendJsonAsync("""{"type":"ping","t":"still here"}""");
                Assert.Equal("still here", (await hostSocket.NextAsync("pong")).GetProperty("t").GetString());
                var back = await V2Socket.ConnectAsync(app.Address, roomId, clientId);
                using var backSocket = back.Socket;
                await back.NextAsync("welcome");
            },
            Convert.ToHexString);
    }

    // The close frame says 1007, unless the reset that follows it overtakes it: either way the socket is gone.
    private static async Task AssertClosedAsync(TestSocket socket)
    {
        try
        {
            Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, await socket.ReceiveCloseAsync());
        }
        catch (WebSocketException)
        {
            Assert.NotEqual(WebSocketState.Open, socket.Socket.State);
        }
    }
}
